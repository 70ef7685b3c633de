package io.newspipe.ingest.source;

import io.newspipe.schemas.Article;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a source hands on; safe to read while a watcher thread writes. */
final class CollectingSink implements ArticleSink {

  record Rejection(String document, byte[] payload, Exception reason) {}

  final List<Article> articles = new CopyOnWriteArrayList<>();
  final List<Rejection> rejections = new CopyOnWriteArrayList<>();

  @Override
  public void accept(Article article) {
    articles.add(article);
  }

  @Override
  public void reject(String document, byte[] payload, Exception reason) {
    rejections.add(new Rejection(document, payload, reason));
  }

  List<String> ids() {
    return articles.stream().map(Article::getId).toList();
  }
}
