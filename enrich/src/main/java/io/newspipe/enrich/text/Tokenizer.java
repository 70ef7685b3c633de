package io.newspipe.enrich.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    List<Token> tokens = new ArrayList<>(text.length() / 6 + 1); // news copy: ~6 chars a word
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
      int end = asciiWordEnd(text, i);
      boolean ascii = true;
      if (end < length && text.charAt(end) >= 0x80) {
        int wordEnd = wordEnd(text, end);
        ascii = wordEnd == end;
        end = wordEnd;
      }
      boolean capitalised = Character.isUpperCase(text.codePointAt(start));
      boolean surname = afterTitle && capitalised;
      tokens.add(
          ascii
              ? asciiToken(text, start, end, paragraph, sentenceStart, surname)
              : anyToken(text, start, end, paragraph, sentenceStart, surname));
      afterTitle = capitalised && isTitle(text, start, end);
      i = end;
    }
    return tokens;
  }

  /** Where the word of ASCII characters at {@code from} ends (at {@code from} if none). */
  static int asciiWordEnd(String text, int from) {
    int length = text.length();
    int end = from;
    while (end < length) {
      char ch = text.charAt(end);
      if (isAsciiWordChar(ch)
          || (ch == '\'' && end + 1 < length && Character.isLetter(text.codePointAt(end + 1)))) {
        end++; // an apostrophe inside a word: "China's", "wouldn't", "O'Brien"
      } else {
        break;
      }
    }
    return end;
  }

  /** Where the word at {@code from} ends, any characters (at {@code from} if none). */
  static int wordEnd(String text, int from) {
    int length = text.length();
    int end = from;
    while (end < length) {
      int c = text.codePointAt(end);
      if (isWordChar(c)) {
        end += Character.charCount(c);
      } else if (isApostrophe(c)
          && end + 1 < length
          && Character.isLetter(text.codePointAt(end + 1))) {
        end += Character.charCount(c); // inside a word: "China’s", "wouldn’t", "O’Brien"
      } else {
        break;
      }
    }
    return end;
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
  private static final List<String> TITLES =
      List.of(
          "Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Sir", "Dame", "Rev", "Sen", "Rep", "Gov",
          "Capt", "Col", "Sheikh", "Imam", "Rabbi");

  private static boolean isTitle(String text, int start, int end) {
    int n = end - start;
    for (String title : TITLES) {
      if (title.length() == n && text.regionMatches(start, title, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** A word's token: its folded, singular form and where it is; any characters. */
  static Token anyToken(
      String text, int start, int end, int paragraph, boolean sentenceStart, boolean surname) {
    String raw = text.substring(start, end);
    boolean upper = isUpperCase(raw);
    // A trailing possessive is not part of the name: evidence for "China" should quote "China".
    int possessive = possessiveLength(raw);
    int coreEnd = end - possessive;
    String word = fold(raw.substring(0, raw.length() - possessive));
    return new Token(singular(word), start, coreEnd, upper, paragraph, sentenceStart, surname);
  }

  /**
   * {@link #anyToken} for a word of ASCII characters only, the common case, without its
   * intermediate strings: the same folding (lower case, apostrophes dropped) and the same {@link
   * #singular}, in one pass into one buffer.
   */
  static Token asciiToken(
      String text, int start, int end, int paragraph, boolean sentenceStart, boolean surname) {
    int n = end - start;
    int possessive =
        n > 2 && text.charAt(end - 2) == '\'' && (text.charAt(end - 1) | 0x20) == 's' ? 2 : 0;
    int coreEnd = end - possessive;
    byte[] word = new byte[coreEnd - start + 1]; // one spare for singular's "-ies" -> "-y"
    int length = 0;
    boolean lower = false;
    boolean capital = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        capital = true;
        c |= 0x20;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      }
      if (i < coreEnd && c != '\'') {
        word[length++] = (byte) c;
      }
    }
    boolean upper = capital && !lower; // every letter a capital, and at least one letter
    String norm = new String(word, 0, singularLength(word, length), StandardCharsets.ISO_8859_1);
    return new Token(norm, start, coreEnd, upper, paragraph, sentenceStart, surname);
  }

  /**
   * {@link #singular} in place: the length of the singular of {@code w[0, n)}, with a "-ies" ending
   * rewritten to "-y".
   */
  private static int singularLength(byte[] w, int n) {
    if (n <= 3 || w[n - 1] != 's') {
      return n;
    }
    byte before = w[n - 2];
    if (before == 's' || before == 'u' || before == 'i') {
      return n;
    }
    if (n > 4 && before == 'e' && w[n - 3] == 'i') {
      w[n - 3] = (byte) 'y';
      return n - 2;
    }
    if (before == 'e'
        && (w[n - 3] == 'x'
            || (w[n - 3] == 's' && w[n - 4] == 's')
            || (w[n - 3] == 'h' && (w[n - 4] == 'c' || w[n - 4] == 's')))) {
      return n - 2;
    }
    return n - 1;
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

  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return isAsciiWordChar((char) cp);
    }
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
