package io.newspipe.bench.jmh;

import io.newspipe.bench.Corpus;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.QueryMatch;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tagging throughput: newspipe's tagger (the default taxonomy, all rule logic) against its peer,
 * Lucene Monitor holding the same taxonomy written as queries ({@link TaxonomyQueries}), over the
 * same 1,000 generated articles. Scores are articles per second; MB/s = score × mean article size
 * (printed by the setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaggerBench {

  private List<Corpus.Text> texts;
  private Tagger tagger;
  private Monitor monitor;

  @Setup
  public void setUp() throws IOException {
    texts = Articles.load();
    Taxonomy taxonomy = Taxonomy.loadDefault();
    tagger = new Tagger(taxonomy);
    monitor = new Monitor(new StandardAnalyzer());
    monitor.register(TaxonomyQueries.of(taxonomy, "text"));
    System.out.printf(
        "%n%d articles, mean %d characters%n", texts.size(), Articles.chars(texts) / texts.size());
  }

  @TearDown
  public void tearDown() throws IOException {
    monitor.close();
  }

  @Benchmark
  @OperationsPerInvocation(Articles.COUNT)
  public void newspipeTagger(Blackhole hole) {
    for (Corpus.Text t : texts) {
      hole.consume(tagger.tag(t.headline(), t.body()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(Articles.COUNT)
  public void luceneMonitor(Blackhole hole) throws IOException {
    for (Corpus.Text t : texts) {
      Document doc = new Document();
      doc.add(new TextField("text", t.headline() + "\n" + t.body(), Field.Store.NO));
      hole.consume(monitor.match(doc, QueryMatch.SIMPLE_MATCHER));
    }
  }
}
