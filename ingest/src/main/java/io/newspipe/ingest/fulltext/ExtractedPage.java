package io.newspipe.ingest.fulltext;

/**
 * What {@link ArticleExtractor} found on one HTML page. Every field but {@code body} may be null.
 *
 * @param headline from JSON-LD, OpenGraph, the first {@code h1} or the title, in that order
 * @param body the main text as paragraphs separated by blank lines; empty if none was found
 * @param byline the author(s) as one line
 * @param published the publication time as ISO-8601 text, as the page gave it
 * @param language BCP 47 tag, e.g. {@code en} or {@code pt-BR}
 * @param imageUrl the lead image (JSON-LD {@code image} or {@code og:image}), absolute
 */
public record ExtractedPage(
    String headline,
    String body,
    String byline,
    String published,
    String language,
    String imageUrl) {

  /** Whether the page yielded any article text. */
  public boolean hasBody() {
    return body != null && !body.isBlank();
  }
}
