package io.newspipe.ingest.format;

import io.newspipe.schemas.Article;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The plain-text article format of {@code seeds/}: the first non-empty line is the headline, the
 * rest are paragraphs separated by blank lines, and a final paragraph starting with "Copyright",
 * "©" or "(c)" is the rights line rather than body. UTF-8, optional byte-order mark. Markdown is
 * read the same way with the headline's {@code #} marks stripped.
 */
final class TextFormat {

  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");

  private final Clock clock;

  TextFormat(Clock clock) {
    this.clock = clock;
  }

  Article parse(byte[] bytes, Origin origin, boolean markdown) throws ParseException {
    String text = Utf8.decode(bytes, origin.description());
    List<String> lines = List.of(LINE_BREAK.split(text, -1));
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      throw new ParseException(
          origin.description(),
          "the file is empty: a text article needs a headline on its first line and the body"
              + " below it");
    }
    String headline = lines.get(first).strip().replace("\u00A0", " ");
    if (markdown) {
      headline = MARKDOWN_HEADING.matcher(headline).replaceFirst("");
    }
    List<String> paragraphs = new ArrayList<>(List.of(bodyText(lines, first + 1).split("\n\n")));
    paragraphs.removeIf(String::isEmpty);
    String rights = null;
    if (!paragraphs.isEmpty() && isRightsLine(paragraphs.get(paragraphs.size() - 1))) {
      rights = paragraphs.remove(paragraphs.size() - 1);
    }
    String body = String.join(PlainText.PARAGRAPH_BREAK, paragraphs);
    String id =
        origin.relativePath() != null
            ? ArticleIds.forFile(origin.sourceId(), origin.relativePath())
            : ArticleIds.forStream(origin.sourceId(), headline);
    return Article.newBuilder()
        .setId(id)
        .setVersion(ArticleIds.FIRST_VERSION)
        .setSource(origin.source(Format.TEXT))
        .setUrl(null)
        .setHeadline(headline)
        .setBody(body)
        .setRights(rights)
        .setReceivedAt(clock.instant())
        .setContentHash(ContentHash.of(headline, null, body))
        .build();
  }

  private static String bodyText(List<String> lines, int from) {
    return PlainText.paragraphs(String.join("\n", lines.subList(from, lines.size())));
  }

  static boolean isRightsLine(String paragraph) {
    String lower = paragraph.toLowerCase(Locale.ROOT);
    return lower.startsWith("copyright") || lower.startsWith("©") || lower.startsWith("(c)");
  }
}
