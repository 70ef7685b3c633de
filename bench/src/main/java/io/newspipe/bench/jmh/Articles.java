package io.newspipe.bench.jmh;

import io.newspipe.bench.Corpus;
import java.util.ArrayList;
import java.util.List;

/** The articles the micro-benchmarks work on: the first 1,000 of the bench's corpus (seed 1). */
final class Articles {

  static final int COUNT = 1000;

  private Articles() {}

  static List<Corpus.Text> load() {
    Corpus corpus = new Corpus(1);
    List<Corpus.Text> texts = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      texts.add(corpus.text(i));
    }
    return texts;
  }

  /**
   * Characters of headline and body together: the bytes/s figure divides by this (text is ASCII).
   */
  static long chars(List<Corpus.Text> texts) {
    return texts.stream().mapToLong(t -> t.headline().length() + t.body().length()).sum();
  }
}
