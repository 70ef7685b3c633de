package io.newspipe.enrich.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON lines of a story evaluation: one article a line, {@code story} (its label; may be
 * absent in an unlabelled run), and either its text inline ({@code id, headline, body, published}
 * or Reuters' {@code date}) or a reference into a corpus directory:
 *
 * <ul>
 *   <li>{@code "ref": "reuters21578/train.jsonl#reuters-1234"}: the line with that {@code id} in a
 *       JSON-lines file (headline, body, and {@code published} or {@code date});
 *   <li>{@code "ref": "bbc-news/business/001.txt"}: a text file whose first line is the headline
 *       and the rest the body (undated: such articles are all published at one instant).
 * </ul>
 *
 * So a label file holds references and labels only, never the corpus's text.
 */
public final class StoryItems {

  /** One article to cluster; {@code story} is null when unlabelled; published in epoch millis. */
  public record Item(String id, String story, String headline, String body, long published) {}

  /** Publication time of articles that carry none (BBC): one instant, so one window. */
  static final long UNDATED = Instant.parse("2005-01-01T00:00:00Z").toEpochMilli();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REUTERS_DATE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d-MMM-yyyy HH:mm:ss")
          .toFormatter(Locale.ENGLISH);
  // Reuters-21578 dates carry hundredths and sometimes trailing codes: "3-MAR-1987  09:15:05.40".
  private static final Pattern REUTERS_DATE_PART =
      Pattern.compile("(\\d{1,2}-[A-Za-z]{3}-\\d{4})\\s+(\\d{2}:\\d{2}:\\d{2})");

  private StoryItems() {}

  /**
   * Reads the items, resolving references against {@code corpora} (null when every line is inline),
   * and returns them in publication order (ties in file order).
   *
   * @param source names the input in error messages
   */
  public static List<Item> read(Reader jsonLines, String source, Path corpora) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    BufferedReader reader = new BufferedReader(jsonLines);
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
          throw new IllegalArgumentException(source + " line " + number + ": not a JSON object");
        }
        lines.add(node);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            source + " line " + number + ": not JSON (" + e.getOriginalMessage() + ")", e);
      }
    }
    Map<String, JsonNode> referenced = referencedLines(lines, source, corpora);
    List<Item> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode node : lines) {
      Item item = item(node, source, corpora, referenced);
      if (!ids.add(item.id())) {
        throw new IllegalArgumentException(source + ": article " + item.id() + " appears twice");
      }
      items.add(item);
    }
    items.sort(Comparator.comparingLong(Item::published)); // stable: ties keep file order
    return items;
  }

  private static Item item(
      JsonNode node, String source, Path corpora, Map<String, JsonNode> referenced)
      throws IOException {
    String story = node.hasNonNull("story") ? node.get("story").asText() : null;
    if (!node.hasNonNull("ref")) {
      return inline(node, node.path("id").asText(null), story, source);
    }
    String ref = node.get("ref").asText();
    int hash = ref.indexOf('#');
    if (hash >= 0) {
      JsonNode target = referenced.get(ref);
      if (target == null) {
        throw new IllegalArgumentException(
            source + ": " + ref + " names no line of " + ref.substring(0, hash));
      }
      return inline(target, ref, story, source);
    }
    String text = readText(resolve(corpora, ref, source));
    int newline = text.indexOf('\n');
    String headline = newline < 0 ? text : text.substring(0, newline);
    String body = newline < 0 ? "" : text.substring(newline + 1);
    return new Item(ref, story, headline.strip(), body.strip(), UNDATED);
  }

  private static Item inline(JsonNode node, String id, String story, String source) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(source + ": a line has neither \"id\" nor \"ref\"");
    }
    return new Item(
        id, story, node.path("headline").asText(""), node.path("body").asText(""), published(node));
  }

  // A date that cannot be read (the corpus has a few: "31-MAR-1987 605:12:19.12") makes the article
  // undated rather than failing the run: it then sits alone in the undated window.
  private static long published(JsonNode node) {
    try {
      if (node.hasNonNull("published")) {
        return Instant.parse(node.get("published").asText()).toEpochMilli();
      }
      if (node.hasNonNull("date")) {
        Matcher date = REUTERS_DATE_PART.matcher(node.get("date").asText());
        if (date.lookingAt()) {
          return LocalDateTime.parse(date.group(1) + " " + date.group(2), REUTERS_DATE)
              .toInstant(ZoneOffset.UTC)
              .toEpochMilli();
        }
      }
    } catch (DateTimeParseException e) {
      return UNDATED;
    }
    return UNDATED;
  }

  /** The lines that {@code file#id} references point at, each JSON-lines file read once. */
  private static Map<String, JsonNode> referencedLines(
      List<JsonNode> lines, String source, Path corpora) throws IOException {
    Map<String, Set<String>> wanted = new HashMap<>();
    for (JsonNode node : lines) {
      String ref = node.path("ref").asText("");
      int hash = ref.indexOf('#');
      if (hash > 0) {
        wanted
            .computeIfAbsent(ref.substring(0, hash), f -> new HashSet<>())
            .add(ref.substring(hash + 1));
      }
    }
    Map<String, JsonNode> found = new HashMap<>();
    for (Map.Entry<String, Set<String>> file : wanted.entrySet()) {
      try (BufferedReader reader =
          Files.newBufferedReader(resolve(corpora, file.getKey(), source))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = JSON.readTree(line);
          String id = node.path("id").asText("");
          if (file.getValue().contains(id)) {
            found.put(file.getKey() + "#" + id, node);
          }
        }
      }
    }
    return found;
  }

  private static Path resolve(Path corpora, String ref, String source) {
    if (corpora == null) {
      throw new IllegalArgumentException(
          source
              + " references "
              + ref
              + ": give the corpus directory with --corpora (e.g. ../shared/corpora)");
    }
    Path root = corpora.toAbsolutePath().normalize();
    Path file = root.resolve(ref).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException(source + ": reference " + ref + " leaves " + corpora);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          source + ": reference " + ref + " is not a file under " + corpora);
    }
    return file;
  }

  // Corpus text files are not all valid UTF-8: a bad byte becomes U+FFFD rather than an error.
  private static String readText(Path file) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
        .toString();
  }
}
