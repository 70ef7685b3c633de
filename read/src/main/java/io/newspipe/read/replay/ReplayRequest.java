package io.newspipe.read.replay;

import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Instant;
import java.util.Set;

/**
 * What {@code replay} plays: the window [since, until) of publication time, optional tag and source
 * filters (an article matches with ANY of the tags), and the speed ({@code 0} = as fast as
 * possible, otherwise N times faster than the original spacing).
 */
public record ReplayRequest(
    Instant since, Instant until, Set<String> tags, String source, double speed) {

  public ReplayRequest {
    tags = Set.copyOf(tags);
    if (speed < 0) {
      throw new IllegalArgumentException("--speed must be positive, or 'max'");
    }
    if (since != null && until != null && !until.isAfter(since)) {
      throw new IllegalArgumentException(
          "--until (" + until + ") must be after --since (" + since + ")");
    }
  }

  boolean inWindow(long timestamp) {
    return (since == null || timestamp >= since.toEpochMilli())
        && (until == null || timestamp < until.toEpochMilli());
  }

  boolean matches(TaggedArticle tagged) {
    if (source != null && !source.equals(tagged.getArticle().getSource().getId())) {
      return false;
    }
    if (tags.isEmpty()) {
      return true;
    }
    for (Tag tag : tagged.getTags()) {
      if (tags.contains(tag.getId())) {
        return true;
      }
    }
    return false;
  }
}
