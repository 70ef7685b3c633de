package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the labelled sets, without tagging anything: the blind split is at least a third of
 * all items and shares no item with the tuning set, each core tag has enough positives, every
 * positive names the part of the definition it belongs to, and there are enough hard negatives.
 * (The blind split is only ever evaluated to report, with {@code newspipe eval}; no test tunes on
 * it.) The second blind split, {@code blind2.jsonl}, by another author, is checked the same way:
 * unique ids and headlines, a known part for every positive, no item shared with the other sets. So
 * is the third, {@code blind3.jsonl}, by an author who never saw the rules or the other sets, with
 * larger floors: at least 360 items, 130 hard negatives and 15 positives per part of {@code
 * election-interference} (10 per part of the other two tags). The second tuning set, {@code
 * tuning2.jsonl}, written before the rules of taxonomy 2026.12.3 and weighted to the weak parts, is
 * checked for the same and for every election-interference part.
 */
class LabelledSetsShapeTest {

  private static final List<String> CORE =
      List.of("election-interference", "narcotics", "middle-east");

  /** The parts of each core tag's definition, as listed in {@code eval/README.md}. */
  private static final Map<String, Set<String>> PARTS =
      Map.of(
          "election-interference",
          Set.of(
              "vote-buying",
              "ballot-fraud",
              "voter-suppression",
              "hacking",
              "covert-money",
              "violence-obstruction",
              "disinformation"),
          "narcotics",
          Set.of(
              "trafficking", "organised-crime", "production", "dealing-use", "overdoses", "policy"),
          "middle-east",
          Set.of("security", "diplomacy", "politics", "economy", "humanitarian"));

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

  @Test
  void shouldKeepTheSecondBlindSplitUniqueAndApartFromTheOtherSets() throws Exception {
    List<LabelledItem> blind2 = read("/eval/blind2.jsonl");

    assertThat(blind2).hasSizeGreaterThanOrEqualTo(180);
    assertUniqueAndApart(blind2, all());
  }

  @ParameterizedTest
  @CsvSource({"/eval/blind2.jsonl, 60", "/eval/blind3.jsonl, 130"})
  void shouldNameAKnownPartForEveryPositiveOfEachLaterBlindSplit(String file, int leastNegatives)
      throws Exception {
    List<LabelledItem> split = read(file);

    for (LabelledItem item : split) {
      for (String tag : item.labels()) {
        assertThat(PARTS).as("tag of %s", item.id()).containsKey(tag);
        assertThat(PARTS.get(tag))
            .as("part of %s in %s", tag, item.id())
            .contains(item.parts().get(tag));
      }
    }
    assertThat(split.stream().filter(i -> i.labels().isEmpty()))
        .hasSizeGreaterThanOrEqualTo(leastNegatives);
  }

  /**
   * Every part of each tag's definition has positives in the later blind splits: at least {@code
   * leastPerPart} each, {@code leastInAll} over all parts.
   */
  @ParameterizedTest
  @CsvSource({
    "/eval/blind2.jsonl, election-interference, 8, 60",
    "/eval/blind2.jsonl, narcotics, 4, 30",
    "/eval/blind2.jsonl, middle-east, 4, 30",
    "/eval/blind3.jsonl, election-interference, 15, 112",
    "/eval/blind3.jsonl, narcotics, 10, 72",
    "/eval/blind3.jsonl, middle-east, 10, 60"
  })
  void shouldSpreadEachLaterBlindSplitsPositivesOverEveryPart(
      String file, String tag, long leastPerPart, long leastInAll) throws Exception {
    Map<String, Long> byPart =
        read(file).stream()
            .filter(i -> i.labels().contains(tag))
            .collect(Collectors.groupingBy(i -> i.parts().get(tag), Collectors.counting()));

    assertThat(byPart.keySet()).isEqualTo(PARTS.get(tag));
    assertThat(byPart.values())
        .allMatch(n -> n >= leastPerPart, "at least " + leastPerPart + " per part");
    assertThat(byPart.values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThanOrEqualTo(leastInAll);
  }

  @Test
  void shouldKeepTheThirdBlindSplitUniqueAndApartFromAllOtherSets() throws Exception {
    List<LabelledItem> blind3 = read("/eval/blind3.jsonl");
    List<LabelledItem> others = all();
    others.addAll(read("/eval/blind2.jsonl"));
    others.addAll(read("/eval/tuning2.jsonl"));

    assertThat(blind3).hasSizeGreaterThanOrEqualTo(360);
    assertUniqueAndApart(blind3, others);
  }

  /** Ids and headlines unique within {@code split}, and none shared with {@code others}. */
  private static void assertUniqueAndApart(List<LabelledItem> split, List<LabelledItem> others) {
    assertThat(split.stream().map(LabelledItem::id).distinct()).hasSameSizeAs(split);
    assertThat(split.stream().map(i -> normalise(i.headline())).distinct()).hasSameSizeAs(split);
    Set<String> otherIds = others.stream().map(LabelledItem::id).collect(Collectors.toSet());
    Set<String> otherHeadlines =
        others.stream().map(i -> normalise(i.headline())).collect(Collectors.toSet());
    assertThat(split).noneMatch(i -> otherIds.contains(i.id()));
    assertThat(split).noneMatch(i -> otherHeadlines.contains(normalise(i.headline())));
  }

  @Test
  void shouldKeepTheSecondTuningSetUniqueApartAndSpreadOverTheWeakParts() throws Exception {
    List<LabelledItem> tuning2 = read("/eval/tuning2.jsonl");
    List<LabelledItem> others = new ArrayList<>(all());
    others.addAll(read("/eval/blind2.jsonl"));

    assertThat(tuning2).hasSizeGreaterThanOrEqualTo(150);
    assertThat(tuning2.stream().map(LabelledItem::id).distinct()).hasSameSizeAs(tuning2);
    assertThat(tuning2.stream().map(i -> normalise(i.headline())).distinct())
        .hasSameSizeAs(tuning2);
    Set<String> otherIds = others.stream().map(LabelledItem::id).collect(Collectors.toSet());
    Set<String> otherHeadlines =
        others.stream().map(i -> normalise(i.headline())).collect(Collectors.toSet());
    List<String> shared =
        tuning2.stream()
            .filter(
                i -> otherIds.contains(i.id()) || otherHeadlines.contains(normalise(i.headline())))
            .map(LabelledItem::id)
            .toList();
    assertThat(shared).as("tuning2 items shared with another set").isEmpty();
    for (LabelledItem item : tuning2) {
      for (String tag : item.labels()) {
        assertThat(PARTS.get(tag))
            .as("part of %s in %s", tag, item.id())
            .contains(item.parts().get(tag));
      }
    }
    Map<String, Long> byPart =
        tuning2.stream()
            .filter(i -> i.labels().contains("election-interference"))
            .collect(
                Collectors.groupingBy(
                    i -> i.parts().get("election-interference"), Collectors.counting()));
    assertThat(byPart.keySet()).isEqualTo(PARTS.get("election-interference"));
    assertThat(byPart.values()).allMatch(n -> n >= 7, "at least 7 per part");
    assertThat(tuning2.stream().filter(i -> i.labels().isEmpty())).hasSizeGreaterThanOrEqualTo(50);
  }

  private static String normalise(String headline) {
    return headline.strip().toLowerCase(Locale.ROOT);
  }
}
