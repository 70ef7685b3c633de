package io.newspipe.enrich.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Source;
import io.newspipe.testkit.Articles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hand-written story clustering set ({@code stories/labelled.jsonl}, see the README beside it)
 * and pairwise scoring of a clustering against its labels.
 */
final class LabelledStories {

  /** One labelled article. */
  record Item(String id, String story, String source, Instant published, Article article) {}

  /** Pairwise scores: of the pairs put in one story, how many belong together, and vice versa. */
  record Score(int truePairs, int predictedPairs, int correctPairs) {
    double precision() {
      return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    double recall() {
      return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    @Override
    public String toString() {
      return String.format(
          "pairwise precision %.3f (%d/%d), recall %.3f (%d/%d)",
          precision(), correctPairs, predictedPairs, recall(), correctPairs, truePairs);
    }
  }

  private LabelledStories() {}

  /** The set, in publication order. */
  static List<Item> load() {
    ObjectMapper json = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    LabelledStories.class.getResourceAsStream("/stories/labelled.jsonl")),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          items.add(item(json.readTree(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    items.sort(Comparator.comparing(Item::published).thenComparing(Item::id));
    return items;
  }

  private static Item item(JsonNode node) {
    String id = node.get("id").asText();
    String source = node.get("source").asText();
    Instant published = Instant.parse(node.get("published").asText());
    Article article =
        Articles.builder(id, node.get("headline").asText(), node.get("body").asText())
            .setSource(Source.newBuilder().setId(source).setName(source).setFormat("text").build())
            .setPublishedAt(published)
            .build();
    return new Item(id, node.get("story").asText(), source, published, article);
  }

  /** Scores {@code storyIds} (article id -> story id given) against the labels of {@code items}. */
  static Score score(List<Item> items, Map<String, String> storyIds) {
    int truePairs = 0;
    int predicted = 0;
    int correct = 0;
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        boolean same = items.get(i).story().equals(items.get(j).story());
        String a = storyIds.get(items.get(i).id());
        boolean together = a != null && a.equals(storyIds.get(items.get(j).id()));
        truePairs += same ? 1 : 0;
        predicted += together ? 1 : 0;
        correct += same && together ? 1 : 0;
      }
    }
    return new Score(truePairs, predicted, correct);
  }
}
