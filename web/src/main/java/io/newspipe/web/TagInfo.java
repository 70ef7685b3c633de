package io.newspipe.web;

import java.util.List;
import java.util.Objects;

/**
 * A tag as the UI lists it: id (what filters use), label and description for people, and its IPTC
 * Media Topic codes. Built by the caller from the taxonomy, so this module needs no tagger.
 */
public record TagInfo(String id, String label, String description, List<String> mediaTopics) {

  public TagInfo {
    Objects.requireNonNull(id, "id");
    label = label == null || label.isBlank() ? id : label;
    description = description == null ? "" : description;
    mediaTopics = List.copyOf(mediaTopics);
  }
}
