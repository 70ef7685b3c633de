package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the labelled sets, without tagging anything: the blind split is at least a third of
 * all items and shares no item with the tuning set, each core tag has enough positives, every
 * positive names the part of the definition it belongs to, and there are enough hard negatives.
 * (The blind split is only ever evaluated to report, with {@code newspipe eval}; no test tunes on
 * it.)
 */
class LabelledSetsShapeTest {

  private static final List<String> CORE =
      List.of("election-interference", "narcotics", "middle-east");

  private static List<LabelledItem> read(String name) throws Exception {
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(LabelledSetsShapeTest.class.getResourceAsStream(name)),
            StandardCharsets.UTF_8)) {
      return Evaluator.read(reader, name);
    }
  }

  private static List<LabelledItem> all() throws Exception {
    List<LabelledItem> items = new ArrayList<>(read("/eval/labelled.jsonl"));
    items.addAll(read("/eval/blind.jsonl"));
    return items;
  }

  @Test
  void shouldKeepTheBlindSplitSeparateAndAtLeastAThirdOfTheItems() throws Exception {
    List<LabelledItem> tuning = read("/eval/labelled.jsonl");
    List<LabelledItem> blind = read("/eval/blind.jsonl");

    assertThat(tuning.size() + blind.size()).isGreaterThanOrEqualTo(450);
    assertThat(3 * blind.size()).isGreaterThanOrEqualTo(tuning.size() + blind.size());
    Set<String> tuningIds = new HashSet<>();
    Set<String> tuningHeadlines = new HashSet<>();
    tuning.forEach(i -> tuningIds.add(i.id()));
    tuning.forEach(i -> tuningHeadlines.add(i.headline()));
    assertThat(blind).noneMatch(i -> tuningIds.contains(i.id()));
    assertThat(blind).noneMatch(i -> tuningHeadlines.contains(i.headline()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"election-interference", "narcotics", "middle-east"})
  void shouldHaveAHundredPositivesEachNamingItsPart(String tag) throws Exception {
    List<LabelledItem> positives = all().stream().filter(i -> i.labels().contains(tag)).toList();

    assertThat(positives).hasSizeGreaterThanOrEqualTo(100);
    assertThat(positives).allMatch(i -> i.parts().containsKey(tag), "names its part of " + tag);
  }

  @Test
  void shouldHaveAHundredAndFiftyHardNegatives() throws Exception {
    assertThat(all().stream().filter(i -> CORE.stream().noneMatch(i.labels()::contains)))
        .hasSizeGreaterThanOrEqualTo(150);
  }
}
