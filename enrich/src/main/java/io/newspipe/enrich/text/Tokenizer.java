package io.newspipe.enrich.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into normalised word tokens while remembering each token's span in the original.
 *
 * <p>Normalisation makes surface variants meet: Unicode NFKC, accents removed, case folded with
 * {@link Locale#ROOT}, curly apostrophes treated as straight, possessives dropped ("China’s" ->
 * {@code china}), and simple plurals reduced ("elections" -> {@code election}, "proxies" -> {@code
 * proxy}). Punctuation, quotes and hyphens separate tokens, so "US-China" is {@code us china} and
 * “interfere” is {@code interfere}. Taxonomy terms go through the same code, so a term and the text
 * it should match are always normalised alike.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** The tokens of {@code text}, in order. */
  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int length = text.length();
    int i = 0;
    int paragraph = 0;
    int newlines = 0;
    boolean sentenceEnd = false;
    boolean afterTitle = false;
    while (i < length) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        if (cp == '\n') {
          newlines++;
          sentenceEnd = true;
        } else if (isSentencePunctuation(cp)
            && (i + 1 >= length || Character.isWhitespace(text.charAt(i + 1)))) {
          // "U.S." has dots but ends no sentence: only punctuation followed by a space does
          sentenceEnd = true;
          newlines = 0;
        } else if (!Character.isWhitespace(cp)) {
          newlines = 0; // only a line holding nothing but whitespace separates paragraphs
        }
        i += Character.charCount(cp);
        continue;
      }
      if (newlines >= 2) {
        paragraph++;
      }
      boolean sentenceStart = sentenceEnd || tokens.isEmpty();
      newlines = 0;
      sentenceEnd = false;
      int start = i;
      int end = i;
      while (end < length) {
        int c = text.codePointAt(end);
        if (isWordChar(c)) {
          end += Character.charCount(c);
        } else if (isApostrophe(c)
            && end + 1 < length
            && Character.isLetter(text.codePointAt(end + 1))) {
          end += Character.charCount(c); // inside a word: "China's", "wouldn't", "O'Brien"
        } else {
          break;
        }
      }
      boolean capitalised = Character.isUpperCase(text.codePointAt(start));
      tokens.add(token(text, start, end, paragraph, sentenceStart, afterTitle && capitalised));
      afterTitle = capitalised && TITLES.contains(text.substring(start, end));
      i = end;
    }
    return tokens;
  }

  /** The normalised words of a term, e.g. for the taxonomy phrase "Iran’s proxies". */
  public static List<String> normalisedWords(String term) {
    return tokenize(term).stream().map(Token::norm).toList();
  }

  /**
   * Titles before a surname, as written (with or without a full stop after them). Only short forms
   * that are never the first word of an institution's name: "General", "Justice" or "Father" also
   * start "General Election Commission", "Justice Ministry", "Father's Day".
   */
  private static final Set<String> TITLES =
      Set.of(
          "Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Sir", "Dame", "Rev", "Sen", "Rep", "Gov",
          "Capt", "Col", "Sheikh", "Imam", "Rabbi");

  private static Token token(
      String text, int start, int end, int paragraph, boolean sentenceStart, boolean surname) {
    String raw = text.substring(start, end);
    boolean upper = isUpperCase(raw);
    // A trailing possessive is not part of the name: evidence for "China" should quote "China".
    int possessive = possessiveLength(raw);
    int coreEnd = end - possessive;
    String word = fold(raw.substring(0, raw.length() - possessive));
    return new Token(singular(word), start, coreEnd, upper, paragraph, sentenceStart, surname);
  }

  private static int possessiveLength(String raw) {
    int n = raw.length();
    if (n > 2
        && isApostrophe(raw.charAt(n - 2))
        && (raw.charAt(n - 1) == 's' || raw.charAt(n - 1) == 'S')) {
      return 2;
    }
    return 0;
  }

  private static String fold(String word) {
    String s = word;
    if (!isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
    s = s.toLowerCase(Locale.ROOT);
    if (s.indexOf('\'') >= 0
        || s.indexOf('\u2019') >= 0
        || s.indexOf('\u2018') >= 0
        || s.indexOf('\u02BC') >= 0) {
      // "wouldn't" and "wouldn’t" both become "wouldnt"
      s = s.replaceAll("['\u2019\u2018\u02BC\uFF07]", "");
    }
    return s;
  }

  /**
   * A crude singular: enough for plurals in news text to meet their singular ("cartels",
   * "seizures", "proxies", "Houthis"), not a stemmer. Words ending in -ss, -us or -is, and words of
   * three letters or fewer, are left alone ("congress", "virus", "this", "gas").
   */
  static String singular(String w) {
    int n = w.length();
    if (n <= 3 || !w.endsWith("s")) {
      return w;
    }
    if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return w;
    }
    if (n > 4 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
      return w.substring(0, n - 2);
    }
    return w.substring(0, n - 1);
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isSentencePunctuation(int cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':';
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\uFF07';
  }

  private static boolean isUpperCase(String raw) {
    boolean letters = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetter(c)) {
        letters = true;
        if (!Character.isUpperCase(c)) {
          return false;
        }
      }
    }
    return letters;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }
}
