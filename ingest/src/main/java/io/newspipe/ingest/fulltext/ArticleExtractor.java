package io.newspipe.ingest.fulltext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Extracts the article from an HTML page: its main text (see {@link MainText}) and the headline,
 * byline, publication time, language and lead image the page declares (see {@link PageMetadata}). A
 * JSON-LD {@code articleBody} is preferred when it is at least about as long as the text found in
 * the page, since the publisher wrote it for machines; otherwise the page text wins (many sites put
 * only a teaser there). When the page text comes out empty or very short, {@link FallbackText}
 * looks further, so that a page with an article never yields nothing. Stateless and thread-safe.
 */
public final class ArticleExtractor {

  /** The parser stops nesting elements this deep, so a hostile page cannot exhaust the stack. */
  private static final int MAX_DEPTH = 256;

  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*([^;\\s]+)", Pattern.CASE_INSENSITIVE);

  /**
   * @param html the page's markup
   * @param baseUrl the page's URL, to make image links absolute; may be null
   */
  public ExtractedPage extract(String html, String baseUrl) {
    return extract(Jsoup.parse(html, baseUrl == null ? "" : baseUrl, parser()));
  }

  /**
   * Extracts from a page's bytes: the charset comes from {@code contentType}, else from the page's
   * own {@code <meta charset>}, else UTF-8 (jsoup's detection).
   *
   * @param contentType the HTTP Content-Type, or null
   */
  public ExtractedPage extract(byte[] html, String contentType, String baseUrl) {
    try {
      Document doc =
          Jsoup.parse(
              new ByteArrayInputStream(html),
              charset(contentType),
              baseUrl == null ? "" : baseUrl,
              parser());
      return extract(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a byte array does not fail
    }
  }

  private static Parser parser() {
    Parser parser = Parser.htmlParser();
    parser.setMaxDepth(MAX_DEPTH);
    return parser;
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).replace("\"", "").strip();
    try {
      return Charset.isSupported(name) ? name : null;
    } catch (IllegalArgumentException e) {
      return null; // an illegal charset name: let the page's own declaration decide
    }
  }

  private ExtractedPage extract(Document doc) {
    PageMetadata meta = PageMetadata.read(doc);
    String headline = meta.headline();
    if (headline == null) {
      Element h1 = doc.selectFirst("h1");
      headline = PageMetadata.firstNonBlank(h1 == null ? null : h1.text(), doc.title());
    }
    Document raw = doc.clone(); // for the fallbacks, should the cleaned page yield nothing
    PageCleaner.clean(doc);
    String body = chooseBody(meta.articleBody(), MainText.of(doc));
    if (FallbackText.isShort(body)) {
      body = FallbackText.of(body, doc, raw, jsonLdText(meta.articleBody()));
    }
    return new ExtractedPage(
        headline, body, meta.byline(), meta.published(), meta.language(), meta.imageUrl());
  }

  static String chooseBody(String jsonLdBody, String pageText) {
    String ld = jsonLdText(jsonLdBody);
    if (ld == null) {
      return pageText;
    }
    return ld.length() >= pageText.length() * 0.8 ? ld : pageText;
  }

  /** A JSON-LD articleBody as plain text (it may hold entities or markup), or null. */
  private static String jsonLdText(String jsonLdBody) {
    if (jsonLdBody == null) {
      return null;
    }
    String ld = Parser.unescapeEntities(jsonLdBody, false).strip();
    if (ld.contains("<") && ld.contains(">")) {
      ld = Paragraphs.ofHtml(ld);
    }
    return ld;
  }
}
