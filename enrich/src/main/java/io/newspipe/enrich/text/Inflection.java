package io.newspipe.enrich.text;

import java.util.Map;
import java.util.Set;

/**
 * Verb inflection, so rule terms and text meet whatever form either is written in: a rule listing
 * "bribe" also matches "bribed" and "bribing", "rig" matches "rigged" and "rigging", "intimidate"
 * matches "intimidated", "bought" matches "buy". Taxonomy authors listed every form by hand and the
 * forms nobody listed were missed on unseen copy; this removes that cause for every rule at once.
 *
 * <p>Deliberately light, not a stemmer (a Porter stemmer would fold "election" into "elect" and
 * "care" into "car"): for a word in {@code -ing}, {@code -ed} or {@code -ied} it proposes the base
 * forms it may come from ({@link #bases}), most likely first: "bribing" -> bribe, brib; "rigged" ->
 * rigge, rigg, rig; "denied" -> deny. The matcher takes the first one a rule lists, so no base form
 * is ever invented and a word is only reduced to a form the taxonomy uses. A few irregular verbs of
 * news copy map to their base ({@link #irregular}), and words whose {@code -ing} or {@code -ed}
 * form is another word in news copy are never reduced ("polling" is not an opinion "poll",
 * "meeting" is not "meet", "united" is not "unit"), nor are words of voting and forcing whose verb
 * sense would reach other nouns and verbs (a council that "voted to close" a library has not closed
 * a polling "vote"; snow "forces" a delay, nobody was "forced"). Plurals were already removed by
 * the {@link Tokenizer}.
 */
public final class Inflection {

  private Inflection() {}

  private static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("bought", "buy"),
          Map.entry("paid", "pay"),
          Map.entry("sold", "sell"),
          Map.entry("stole", "steal"),
          Map.entry("stolen", "steal"),
          Map.entry("kept", "keep"),
          Map.entry("fought", "fight"),
          Map.entry("threw", "throw"),
          Map.entry("thrown", "throw"),
          Map.entry("hid", "hide"),
          Map.entry("hidden", "hide"),
          Map.entry("beaten", "beat"),
          Map.entry("drove", "drive"),
          Map.entry("driven", "drive"),
          Map.entry("struck", "strike"),
          Map.entry("stricken", "strike"),
          Map.entry("spent", "spend"),
          Map.entry("sent", "send"),
          Map.entry("told", "tell"),
          Map.entry("took", "take"),
          Map.entry("taken", "take"),
          Map.entry("broke", "break"),
          Map.entry("broken", "break"),
          Map.entry("caught", "catch"),
          Map.entry("brought", "bring"),
          Map.entry("sought", "seek"),
          Map.entry("dealt", "deal"),
          Map.entry("lost", "lose"),
          Map.entry("burnt", "burn"),
          Map.entry("withheld", "withhold"),
          Map.entry("forbade", "forbid"),
          Map.entry("forbidden", "forbid"),
          Map.entry("swore", "swear"),
          Map.entry("sworn", "swear"),
          Map.entry("fled", "flee"),
          Map.entry("lent", "lend"),
          Map.entry("shot", "shoot"));

  /** Words whose -ing or -ed form is a different word in news copy. */
  private static final Set<String> KEEP =
      Set.of(
          "polling",
          "evening",
          "morning",
          "during",
          "nothing",
          "something",
          "anything",
          "everything",
          "ceiling",
          "wedding",
          "bedding",
          "pudding",
          "sibling",
          "hundred",
          "united",
          "kindred",
          "sterling",
          "darling",
          "herring",
          "beijing",
          "reading",
          "ruling",
          "building",
          "briefing",
          "meeting",
          "hearing",
          "landing",
          "wording",
          "ending",
          "holding",
          "listing",
          "rating",
          "setting",
          "opening",
          "timing",
          "leading",
          "counting",
          "voted",
          "voting",
          "elected",
          "polled",
          "forced",
          "denied",
          "funded",
          "funding",
          "financed",
          "financing",
          "shared",
          "sharing",
          "rolled",
          "rolling",
          "barred",
          "barring",
          "housing",
          "backing",
          "giving",
          "spying");

  /** The base form of an irregular verb form ("paid" -> pay), or null. */
  public static String irregular(String norm) {
    return IRREGULAR.get(norm);
  }

  /**
   * The base forms an inflected word may come from, most likely first, or null when the word is not
   * an {@code -ing}, {@code -ed} or {@code -ied} form (or is one that must not be reduced).
   */
  public static String[] bases(String norm) {
    int n = norm.length();
    if (n < 5 || KEEP.contains(norm)) {
      return null;
    }
    if (norm.endsWith("ied")) {
      return new String[] {norm.substring(0, n - 3) + "y"};
    }
    String stem;
    if (norm.endsWith("ing")) {
      stem = norm.substring(0, n - 3);
    } else if (norm.endsWith("ed")) {
      stem = norm.substring(0, n - 2);
    } else {
      return null;
    }
    int m = stem.length();
    if (m < 3 || !hasVowel(stem)) {
      return null;
    }
    char last = stem.charAt(m - 1);
    if (last == stem.charAt(m - 2) && "bdgmnprt".indexOf(last) >= 0) {
      return new String[] {stem + "e", stem, stem.substring(0, m - 1)}; // rigg -> rig
    }
    return new String[] {stem + "e", stem};
  }

  /**
   * Whether {@code base}, one of {@link #bases} of {@code norm}, is its bare stem ("car" of
   * "cared") when that stem is one syllable ending in a single vowel and a single consonant other
   * than w, x or y. English doubles that consonant before -ed and -ing ("robbed", "starring"), so
   * "cared", "noted", "staring" come from care, note, stare and are never the words car, not, star
   * a rule may list.
   */
  public static boolean cannotComeFrom(String norm, String base) {
    int m = base.length();
    if (m < 3
        || !(norm.equals(base + "ed") || norm.equals(base + "ing"))
        || !isVowel(base.charAt(m - 2))
        || isVowel(base.charAt(m - 1))
        || "wxy".indexOf(base.charAt(m - 1)) >= 0
        || isVowel(base.charAt(m - 3))) {
      return false;
    }
    for (int i = 0; i < m - 3; i++) {
      if (isVowel(base.charAt(i))) {
        return false; // a second syllable: "visited", "opened" are visit, open
      }
    }
    return true;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  private static boolean hasVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("aeiouy".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
