package io.newspipe.ingest.fulltext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article metadata a page states about itself: a schema.org {@code NewsArticle} (or {@code
 * Article}, {@code BlogPosting}, …) in JSON-LD first, then OpenGraph / {@code article:*} meta tags,
 * then plain HTML ({@code <html lang>}, {@code meta name=author}). Read before the page is cleaned,
 * because cleaning removes the scripts that hold the JSON-LD.
 */
record PageMetadata(
    String headline,
    String articleBody,
    String byline,
    String published,
    String language,
    String imageUrl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** JSON-LD larger than this is not parsed: no real article needs it, a hostile page might. */
  private static final int MAX_JSON_LD_CHARS = 2 * 1024 * 1024;

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "socialmediaposting",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report");

  static PageMetadata read(Document doc) {
    JsonNode article = jsonLdArticle(doc);
    String headline = text(article, "headline");
    if (headline == null) {
      headline = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"));
    }
    String byline = authors(article == null ? null : article.get("author"));
    if (byline == null) {
      byline = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"));
      if (byline != null && byline.startsWith("http")) {
        byline = null; // article:author is often a profile URL, not a name
      }
    }
    String published =
        firstNonBlank(
            text(article, "datePublished"),
            meta(doc, "article:published_time"),
            meta(doc, "datePublished"),
            attr(doc.selectFirst("time[datetime]"), "datetime"));
    String language =
        firstNonBlank(
            text(article, "inLanguage"),
            attr(doc.selectFirst("html[lang]"), "lang"),
            meta(doc, "og:locale"),
            attr(doc.selectFirst("meta[http-equiv=content-language]"), "content"));
    String image = image(article == null ? null : article.get("image"));
    if (image == null) {
      image = meta(doc, "og:image");
    }
    if (image != null) {
      image = absolute(doc, image);
    }
    return new PageMetadata(
        clean(headline),
        text(article, "articleBody"),
        clean(byline),
        clean(published),
        languageTag(language),
        image);
  }

  /** The first JSON-LD object whose {@code @type} is an article type, looking into @graph. */
  private static JsonNode jsonLdArticle(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String data = script.data();
      if (data.length() > MAX_JSON_LD_CHARS) {
        continue;
      }
      try {
        JsonNode found = findArticle(JSON.readTree(data.strip()), 0);
        if (found != null) {
          return found;
        }
      } catch (JsonProcessingException | RuntimeException e) {
        // broken JSON-LD is common; the page's other metadata and text still count
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode node, int depth) {
    if (node == null || depth > 6) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode child : node) {
        JsonNode found = findArticle(child, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    if (isArticleType(node.get("@type"))) {
      return node;
    }
    JsonNode found = findArticle(node.get("@graph"), depth + 1);
    return found != null ? found : findArticle(node.get("mainEntity"), depth + 1);
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText("");
    int slash = name.lastIndexOf('/');
    return ARTICLE_TYPES.contains(name.substring(slash + 1).toLowerCase(Locale.ROOT));
  }

  private static String authors(JsonNode author) {
    if (author == null || author.isNull()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    collectNames(author, names);
    Set<String> unique = new LinkedHashSet<>(names);
    return unique.isEmpty() ? null : String.join(", ", unique);
  }

  private static void collectNames(JsonNode node, List<String> names) {
    if (node.isArray()) {
      node.forEach(n -> collectNames(n, names));
    } else if (node.isTextual() && !node.asText().startsWith("http")) {
      addIfNotBlank(names, node.asText());
    } else if (node.isObject() && node.hasNonNull("name")) {
      addIfNotBlank(names, node.get("name").asText());
    }
  }

  private static void addIfNotBlank(List<String> names, String name) {
    if (!name.isBlank()) {
      names.add(name.strip());
    }
  }

  private static String image(JsonNode image) {
    if (image == null || image.isNull()) {
      return null;
    }
    if (image.isArray()) {
      return image.isEmpty() ? null : image(image.get(0));
    }
    if (image.isObject()) {
      return text(image, "url");
    }
    return image.isTextual() ? image.asText() : null;
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value.isArray()) {
      value = value.isEmpty() ? null : value.get(0);
    }
    if (value == null || !value.isValueNode()) {
      return null;
    }
    String s = value.asText();
    return s.isBlank() ? null : s;
  }

  private static String meta(Document doc, String name) {
    Element el = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    if (el == null) {
      el = doc.selectFirst("meta[itemprop=" + name + "]");
    }
    return attr(el, "content");
  }

  private static String attr(Element el, String name) {
    if (el == null) {
      return null;
    }
    String value = el.attr(name);
    return value.isBlank() ? null : value.strip();
  }

  private static String absolute(Document doc, String url) {
    Element probe = doc.createElement("a").attr("href", url);
    probe.setBaseUri(doc.location());
    String abs = probe.absUrl("href");
    return abs.isEmpty() ? url : abs;
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String out = org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
    return out.isEmpty() ? null : out;
  }

  /** {@code en_US}, {@code en-us} and {@code EN} become {@code en-US} and {@code en}. */
  static String languageTag(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String tag = Locale.forLanguageTag(raw.strip().replace('_', '-')).toLanguageTag();
    return tag.equals("und") ? null : tag;
  }
}
