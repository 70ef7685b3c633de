package io.newspipe.enrich.tagging;

import io.newspipe.enrich.taxonomy.Place;
import io.newspipe.enrich.taxonomy.PlaceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gazetteer mentions of one article as one tag's {@link PlaceRule} sees them, and what each is
 * worth: whether a story is substantially about a region is judged by where and how its places are
 * named, not by their mere presence. A mention is worth, in order of precedence:
 *
 * <ul>
 *   <li>{@code ambiguousWeight} for an ambiguous name ("Jordan", "Turkey") unless it stands alone
 *       as a proper noun in running text or the place is also named unambiguously ("Jordanian");
 *   <li>{@code listWeight} for an item of a list that also names a place outside the tag's regions
 *       ("Saudi Arabia, Iraq, Nigeria and Venezuela");
 *   <li>{@code leadWeight} in the body's first {@code leadWords} words, where wire stories say what
 *       they are about;
 *   <li>{@code weight} anywhere else.
 * </ul>
 *
 * Not thread-safe: one per tag per article.
 */
final class PlaceMentions {

  /** Receives each mention in the tag's regions with its weight (before field weights). */
  interface Sink {
    void accept(Place place, Hit hit, double weight);
  }

  /** A gazetteer mention; {@code inRegion} when it is one of the tag's places. */
  private record Mention(Place place, boolean ambiguous, boolean inRegion, Hit hit) {}

  /**
   * Only separators of a list between two place names: commas, "and", "or" ("and the UAE"). A comma
   * then "the" is not a list: "wheat flour to Iraq, the U.S. Agriculture Department said".
   */
  private static final Pattern LIST_GAP =
      Pattern.compile("(?i)\\s*(,|;|,?\\s*(and|or|as well as)(\\s+the)?)\\s*");

  private static final Pattern WORD_BEFORE = Pattern.compile("(?:^|\\s)(\\p{L}[\\p{L}.'-]*)\\s+$");
  private static final Pattern WORD_AFTER = Pattern.compile("^(?:'s)?,?\\s+(\\p{L}[\\p{L}'-]*)");

  /** Words between two list items at most: "Kuwait, Qatar", "Oman and the UAE". */
  private static final int LIST_GAP_WORDS = 3;

  private final List<Mention> mentions = new ArrayList<>();

  void add(Place place, boolean ambiguous, boolean inRegion, Hit hit) {
    mentions.add(new Mention(place, ambiguous, inRegion, hit));
  }

  void weigh(PlaceRule rule, Map<Field, String> texts, Sink sink) {
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      if (m.ambiguous() && standsAlone(texts.get(m.hit().field()), m.hit())) {
        mentions.set(i, new Mention(m.place(), false, m.inRegion(), m.hit()));
      }
    }
    for (Mention m : mentions) {
      if (!m.inRegion()) {
        continue;
      }
      Hit hit = m.hit();
      double weight;
      if (m.ambiguous() && !namedUnambiguously(m.place())) {
        weight = rule.ambiguousWeight();
      } else if (inList(m, texts)) {
        weight = rule.listWeight();
      } else if (hit.field() == Field.BODY && hit.from() < rule.leadWords()) {
        weight = rule.leadWeight();
      } else {
        weight = rule.weight();
      }
      sink.accept(m.place(), hit, weight);
    }
  }

  /** "Jordan" is the country once "Jordanian" or "Amman" appears in the same article. */
  private boolean namedUnambiguously(Place place) {
    return mentions.stream().anyMatch(m -> m.place() == place && !m.ambiguous());
  }

  /**
   * Walks the list the mention is part of: it is a passing list when it also names a place outside
   * the tag's regions. "Israelis and Palestinians" stays a story about both.
   */
  private boolean inList(Mention start, Map<Field, String> texts) {
    List<Mention> list = new ArrayList<>(List.of(start));
    for (int i = 0; i < list.size(); i++) {
      for (Mention other : mentions) {
        if (!list.contains(other) && listed(list.get(i).hit(), other.hit(), texts)) {
          if (!other.inRegion()) {
            return true;
          }
          list.add(other);
        }
      }
    }
    return false;
  }

  private static boolean listed(Hit a, Hit b, Map<Field, String> texts) {
    int d = a.distanceTo(b);
    if (d <= 0 || d > LIST_GAP_WORDS) {
      return false;
    }
    String text = texts.get(a.field());
    String gap =
        a.end() <= b.start()
            ? text.substring(a.end(), b.start())
            : text.substring(b.end(), a.start());
    return LIST_GAP.matcher(gap).matches();
  }

  /**
   * An ambiguous name written as a proper noun mid-sentence with no capitalised word either side:
   * "traders said Jordan bought", not "Michael Jordan", "Jordan Henderson" or "a turkey".
   */
  private static boolean standsAlone(String text, Hit hit) {
    String name = text.substring(hit.start(), hit.end());
    if (!Character.isUpperCase(name.charAt(0)) || name.equals(name.toUpperCase(Locale.ROOT))) {
      return false;
    }
    Matcher before =
        WORD_BEFORE.matcher(text.substring(Math.max(0, hit.start() - 40), hit.start()));
    // After a lower-case word the capital is the name's own, not the sentence's.
    if (!before.find()
        || !Character.isLowerCase(before.group(1).charAt(0))
        || before.group(1).endsWith(".")) {
      return false;
    }
    Matcher after =
        WORD_AFTER.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 40)));
    return !(after.find() && Character.isUpperCase(after.group(1).charAt(0)));
  }
}
