package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of {@code newspipe bench}: a small run on a real embedded broker, SQLite and a child
 * {@code newspipe up --once} produces every figure, each positive, in the table and the JSON. No
 * thresholds: speed is for the benchmark, not for tests on a shared machine.
 */
class BenchIT {

  @Test
  void aSmallRunReportsEveryFigure(@TempDir Path dir) throws Exception {
    Bench.Options options =
        Bench.Options.parse(
            "--articles", "1500",
            "--rate", "100",
            "--latency-seconds", "3",
            "--out", dir.resolve("out").toString(),
            "--work-dir", dir.resolve("work").toString());

    Bench.Result result = Bench.run(options);

    assertThat(result.figures())
        .extracting(Figure::name)
        .contains(
            "Kafka produce->consume",
            "Streams EOS v2 passthrough (incl. start)",
            "store bulk insert with search index",
            "import: files -> raw topic",
            "enrich: raw -> tagged (incl. Streams start)",
            "sink: tagged topic -> store");
    assertThat(result.figures())
        .allSatisfy(
            f -> {
              assertThat(f.items()).as(f.name()).isEqualTo(1500);
              assertThat(f.perSecond()).as(f.name()).isPositive();
              assertThat(f.megabytesPerSecond()).as(f.name()).isPositive();
            });
    assertThat(result.pipeline().items()).isEqualTo(1500);
    assertThat(result.pipeline().perSecond()).isPositive();
    assertThat(result.ratioToSlowest()).isPositive();
    assertThat(result.pipelinePeakRssBytes()).isPositive();
    assertThat(result.latencyMillis()).containsKeys("p50", "p95", "p99");
    assertThat(result.latencyMillis().get("offered")).isEqualTo(300);
    assertThat(result.latencyMillis().get("p50")).isPositive();
    assertThat(result.latencyMillis().get("p99"))
        .isGreaterThanOrEqualTo(result.latencyMillis().get("p50"));
    assertThat(dir.resolve("work")).doesNotExist(); // cleaned up

    String table = Bench.render(result);
    assertThat(table).contains("newspipe up --once", "p99", "peak RSS", "slowest");
    Path json = Bench.write(result, dir.resolve("out"));
    JsonNode read = new ObjectMapper().readTree(Files.readString(json));
    assertThat(read.get("figures")).hasSize(7);
    assertThat(read.get("latencyMillis").get("p99").asLong()).isPositive();
    assertThat(read.get("pipelinePeakRssBytes").asLong()).isPositive();
  }
}
