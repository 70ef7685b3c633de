package io.newspipe.enrich.classify;

import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The features a {@link LinearModel} reads from one article: its words ({@code w:}), headline words
 * ({@code h:}), pairs of adjacent words within a sentence ({@code b:}), and what the tag's rules
 * found ({@code r:} a rule whose evidence counted, {@code x:} an exclusion that matched, {@code s:}
 * whether the rules reached the threshold ({@code reach}), found some evidence ({@code some}), none
 * ({@code none}) or were vetoed ({@code veto})). Words are the tokenizer's normalised forms (case
 * folded, accents and plurals removed); a word with a digit is {@code #}. Binary: a feature is
 * present or not.
 *
 * <p>{@link #of} names them (for training and explanations); {@link #keys} gives the same features
 * as sorted distinct 64-bit hashes ({@link #key}) without building a string per feature, for
 * tagging.
 */
public final class Features {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private static final long W = hash(OFFSET, "w:");
  private static final long H = hash(OFFSET, "h:");
  private static final long B = hash(OFFSET, "b:");

  private Features() {}

  /** The features by name. */
  public static Set<String> of(String headline, String body, RuleScore rules) {
    return of(tokens(headline), tokens(body), rules);
  }

  public static Set<String> of(List<Token> headline, List<Token> body, RuleScore rules) {
    Set<String> features = new TreeSet<>();
    words(headline, features, true);
    words(body, features, false);
    if (rules != null) {
      rules.rules().forEach(r -> features.add("r:" + r));
      rules.exclusions().forEach(x -> features.add("x:" + x));
      features.add("s:" + state(rules));
    }
    return features;
  }

  /** The features as sorted distinct {@link #key}s. */
  public static long[] keys(List<Token> headline, List<Token> body, RuleScore rules) {
    int extra = rules == null ? 0 : rules.rules().size() + rules.exclusions().size() + 1;
    long[] keys = new long[3 * headline.size() + 2 * body.size() + extra];
    int n = wordKeys(headline, keys, 0, true);
    n = wordKeys(body, keys, n, false);
    if (rules != null) {
      for (String r : rules.rules()) {
        keys[n++] = key("r:" + r);
      }
      for (String x : rules.exclusions()) {
        keys[n++] = key("x:" + x);
      }
      keys[n++] = key("s:" + state(rules));
    }
    Arrays.sort(keys, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || keys[i] != keys[distinct - 1]) {
        keys[distinct++] = keys[i];
      }
    }
    return Arrays.copyOf(keys, distinct);
  }

  /** The 64-bit FNV-1a hash of a feature's name. */
  public static long key(String feature) {
    return hash(OFFSET, feature);
  }

  /** The key of {@code w:word}. */
  public static long wordKey(String word) {
    return hash(W, word);
  }

  /** The key of {@code h:word}. */
  public static long headlineKey(String word) {
    return hash(H, word);
  }

  /** The key of {@code b:first second}. */
  public static long pairKey(String first, String second) {
    return hash(hash(hash(B, first), " "), second);
  }

  private static String state(RuleScore rules) {
    if (rules.vetoed()) {
      return "veto";
    }
    if (rules.reaches()) {
      return "reach";
    }
    return !rules.rules().isEmpty() && rules.score() > 0 ? "some" : "none";
  }

  private static List<Token> tokens(String text) {
    return Tokenizer.tokenize(text == null ? "" : text);
  }

  private static void words(List<Token> tokens, Set<String> features, boolean headline) {
    String previous = null;
    for (Token token : tokens) {
      String word = word(token.norm());
      features.add("w:" + word);
      if (headline) {
        features.add("h:" + word);
      }
      if (previous != null && !token.sentenceStart()) {
        features.add("b:" + previous + ' ' + word);
      }
      previous = word;
    }
  }

  private static int wordKeys(List<Token> tokens, long[] keys, int n, boolean headline) {
    String previous = null;
    for (Token token : tokens) {
      String word = word(token.norm());
      keys[n++] = wordKey(word);
      if (headline) {
        keys[n++] = headlineKey(word);
      }
      if (previous != null && !token.sentenceStart()) {
        keys[n++] = pairKey(previous, word);
      }
      previous = word;
    }
    return n;
  }

  private static long hash(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= PRIME;
    }
    return h;
  }

  /** The word a token stands for in features: its normalised form, or # when it has a digit. */
  public static String word(String norm) {
    for (int i = 0; i < norm.length(); i++) {
      if (Character.isDigit(norm.charAt(i))) {
        return "#";
      }
    }
    return norm;
  }
}
