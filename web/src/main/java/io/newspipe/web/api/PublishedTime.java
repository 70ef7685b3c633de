package io.newspipe.web.api;

import io.newspipe.store.StoredArticle;
import java.time.Instant;

/** When an article counts as published: its publication time, else when it was received. */
final class PublishedTime {
  private PublishedTime() {}

  static Instant of(StoredArticle a) {
    return a.publishedAt() != null ? a.publishedAt() : a.receivedAt();
  }
}
