package io.newspipe.store;

import java.util.List;

/** A tag of a stored article, with the evidence that explains why it was given. */
public record StoredTag(
    String tagId,
    String label,
    double score,
    double confidence,
    List<String> mediaTopics,
    List<StoredEvidence> evidence) {

  public StoredTag {
    mediaTopics = List.copyOf(mediaTopics);
    evidence = List.copyOf(evidence);
  }
}
