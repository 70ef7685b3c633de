package io.newspipe.notify.watch;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Watch;
import io.newspipe.store.QueryMatcher;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a tagged article matches a saved search: the same answer {@code newspipe search QUERY}
 * gives for it in the store (withdrawn articles are not found; words match through {@link
 * QueryMatcher}), narrowed by the watch's tags (any or all), sources and languages.
 */
public final class WatchFilter {

  private final QueryMatcher matcher;
  private TaggedArticle loaded;

  /**
   * @param matcher used for the words; this filter loads articles into it
   */
  public WatchFilter(QueryMatcher matcher) {
    this.matcher = matcher;
  }

  public boolean matches(Watch watch, TaggedArticle tagged) {
    Article article = tagged.getArticle();
    if (article.getSignal() == Signal.CANCELED) {
      return false;
    }
    if (!watch.getSources().isEmpty()
        && (article.getSource() == null
            || !watch.getSources().contains(article.getSource().getId()))) {
      return false;
    }
    if (!watch.getLanguages().isEmpty() && !watch.getLanguages().contains(article.getLanguage())) {
      return false;
    }
    if (!watch.getTags().isEmpty()) {
      Set<String> tags = new HashSet<>();
      for (Tag t : tagged.getTags()) {
        tags.add(t.getId());
      }
      boolean ok =
          watch.getAllTags()
              ? tags.containsAll(watch.getTags())
              : watch.getTags().stream().anyMatch(tags::contains);
      if (!ok) {
        return false;
      }
    }
    if (loaded != tagged) {
      matcher.load(article.getHeadline(), article.getBody());
      loaded = tagged;
    }
    return matcher.matches(watch.getQuery());
  }
}
