package io.newspipe.bench.jmh;

import io.newspipe.bench.Corpus;
import io.newspipe.enrich.story.StorySignature;
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

/** The story stage's per-article signature (words, hashes, band keys) over 1,000 articles. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StorySignatureBench {

  private List<Corpus.Text> texts;

  @Setup
  public void setUp() {
    texts = Articles.load();
  }

  @Benchmark
  @OperationsPerInvocation(Articles.COUNT)
  public void signatureAndBands(Blackhole hole) {
    for (Corpus.Text t : texts) {
      StorySignature signature = StorySignature.of(t.headline(), null, t.body());
      hole.consume(signature.bandKeys());
    }
  }
}
