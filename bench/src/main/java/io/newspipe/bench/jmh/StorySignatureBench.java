package io.newspipe.bench.jmh;

import io.newspipe.bench.Corpus;
import io.newspipe.enrich.story.StorySignature;
import io.newspipe.enrich.story.StoryText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The story stage's per-article signature (words, hashes, band keys) over 1,000 articles, and over
 * full texts (each 15 of them joined, about 15 KB: what a fetched web page gives) with the headline
 * names read from the body too: a story reads only a body's lead, so a full text should cost what
 * its lead does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StorySignatureBench {

  /** Articles joined into one full text. */
  static final int JOINED = 15;

  private List<Corpus.Text> texts;
  private List<Corpus.Text> fullTexts;

  @Setup
  public void setUp() {
    texts = Articles.load();
    fullTexts = new ArrayList<>();
    for (int i = 0; i + JOINED <= texts.size(); i += JOINED) {
      StringBuilder body = new StringBuilder();
      for (Corpus.Text t : texts.subList(i, i + JOINED)) {
        body.append(t.body()).append("\n\n");
      }
      fullTexts.add(new Corpus.Text(texts.get(i).headline(), body.toString()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(Articles.COUNT)
  public void signatureAndBands(Blackhole hole) {
    for (Corpus.Text t : texts) {
      StorySignature signature = StorySignature.of(t.headline(), null, t.body());
      hole.consume(signature.bandKeys());
    }
  }

  @Benchmark
  @OperationsPerInvocation(Articles.COUNT / JOINED)
  public void fullTextSignatureAndNames(Blackhole hole) {
    for (Corpus.Text t : fullTexts) {
      StorySignature signature = StorySignature.of(t.headline(), null, t.body());
      hole.consume(signature.bandKeys());
      List<String> headline = StoryText.words(t.headline(), null, null);
      hole.consume(StoryText.headlineNames(headline, t.body()));
    }
  }
}
