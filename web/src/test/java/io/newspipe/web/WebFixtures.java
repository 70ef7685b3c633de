package io.newspipe.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Articles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Articles with tags and evidence as enrich writes them, and a small HTTP client for the API. */
final class WebFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<TagInfo> TAGS =
      List.of(
          new TagInfo("narcotics", "Narcotics", "Drug trafficking", List.of("medtop:20000096")),
          new TagInfo("middle-east", "Middle East", "The region", List.of()),
          new TagInfo("espionage", "Espionage", "Spies", List.of("medtop:20000605")));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private WebFixtures() {}

  /**
   * A tagged article, alone in its own story, whose tags carry evidence for every occurrence of
   * their {@code words} in the headline and body, with offsets computed from the text, as enrich
   * gives them.
   */
  static TaggedArticle tagged(
      String id, String headline, String body, Instant published, String... tagAndWord) {
    Article article =
        Articles.builder(id, headline, body)
            .setPublishedAt(published)
            .setByline("Jane Doe")
            .setUrl("https://news.example/" + id)
            .build();
    List<Tag> tags = new ArrayList<>();
    for (String spec : tagAndWord) {
      String tagId = spec.substring(0, spec.indexOf('='));
      String word = spec.substring(spec.indexOf('=') + 1);
      List<Evidence> evidence = new ArrayList<>();
      addEvidence(evidence, "headline", headline, word);
      addEvidence(evidence, "body", body, word);
      tags.add(
          Tag.newBuilder(Articles.tag(tagId))
              .setLabel(label(tagId))
              .setScore(3.0)
              .setConfidence(0.6)
              .setEvidence(evidence)
              .build());
    }
    TaggedArticle t = Articles.tagged(article, tags.toArray(Tag[]::new));
    t.setStoryId(id); // alone in its story, named after itself, as enrich names a new story
    return t;
  }

  /** A report of story {@code storyId} from source {@code sourceId}, tagged middle-east. */
  static TaggedArticle storyReport(
      String id, String headline, String sourceId, Instant published, String storyId) {
    TaggedArticle t =
        tagged(
            id, headline, "A strong earthquake struck off Crete.", published, "middle-east=Crete");
    t.getArticle()
        .setSource(
            new io.newspipe.schemas.Source(
                sourceId, sourceId.toUpperCase(java.util.Locale.ROOT), null, "rss"));
    t.setStoryId(storyId);
    return t;
  }

  private static String label(String tagId) {
    return TAGS.stream()
        .filter(t -> t.id().equals(tagId))
        .map(TagInfo::label)
        .findFirst()
        .orElse(tagId);
  }

  private static void addEvidence(List<Evidence> out, String field, String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
      out.add(
          new Evidence(
              field,
              at,
              at + word.length(),
              word,
              "phrase:" + word.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  record Response(int status, String contentType, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  static Response get(WebService web, String pathAndQuery) {
    return get(web, pathAndQuery, "application/json");
  }

  static Response get(WebService web, String pathAndQuery, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
