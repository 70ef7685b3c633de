package io.newspipe.enrich.topology;

import java.util.Arrays;
import java.util.List;

/**
 * What enrich remembers of an article id: the content hash and version it last emitted and the tags
 * that version had. Stored as one line of text ({@code version \t hash \t tag,tag}) so the
 * changelog stays readable with any console consumer and needs no schema.
 */
record ArticleHistory(int version, String hash, List<String> tags) {

  ArticleHistory {
    tags = List.copyOf(tags);
  }

  String encode() {
    return version + "\t" + hash + "\t" + String.join(",", tags);
  }

  static ArticleHistory decode(String line) {
    String[] parts = line.split("\t", -1);
    if (parts.length != 3) {
      throw new IllegalStateException(
          "article-versions store holds '"
              + line
              + "', not 'version<TAB>hash<TAB>tags': reset the enrich application (its state"
              + " is rebuilt from news.articles.raw)");
    }
    List<String> tags = parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(","));
    return new ArticleHistory(Integer.parseInt(parts[0]), parts[1], tags);
  }
}
