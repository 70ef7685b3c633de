package io.newspipe.ingest.format.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation run, and names the rules being applied. */
final class Problems {

  private final String standard;
  private final List<ValidationProblem> list = new ArrayList<>();

  /**
   * @param standard what the rules are called in messages, e.g. {@code "ninjs 1.3"}
   */
  Problems(String standard) {
    this.standard = standard;
  }

  String standard() {
    return standard;
  }

  void add(String path, String message) {
    list.add(new ValidationProblem(path, message));
  }

  void addAll(Problems other) {
    list.addAll(other.list);
  }

  /** An empty collector for the same rules, to try an alternative without reporting it. */
  Problems trial() {
    return new Problems(standard);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  List<ValidationProblem> list() {
    return List.copyOf(list);
  }
}
