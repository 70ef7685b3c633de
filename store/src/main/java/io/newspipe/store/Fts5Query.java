package io.newspipe.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates web-search syntax ({@code words "a phrase" a OR b -excluded}, as PostgreSQL's {@code
 * websearch_to_tsquery} reads it) into an SQLite FTS5 query. Every word and phrase is emitted as a
 * double-quoted FTS5 string, so FTS5 operators, column filters and special characters typed by a
 * person are searched as text and can never make the query invalid.
 */
final class Fts5Query {

  private Fts5Query() {}

  /**
   * @throws IllegalArgumentException if nothing is left to look for (e.g. only excluded words)
   */
  static String translate(String text) {
    List<List<String>> required = new ArrayList<>(); // AND of ORs
    List<String> excluded = new ArrayList<>();
    boolean orPending = false;
    for (Token t : tokens(text)) {
      if (t.or()) {
        orPending = !required.isEmpty();
        continue;
      }
      if (t.negated()) {
        excluded.add(t.quoted());
      } else if (orPending) {
        required.get(required.size() - 1).add(t.quoted());
      } else {
        required.add(new ArrayList<>(List.of(t.quoted())));
      }
      orPending = false;
    }
    if (required.isEmpty()) {
      throw new IllegalArgumentException(
          "search query '"
              + text
              + "' only excludes words; give at least one word to look for as well");
    }
    StringBuilder query = new StringBuilder();
    for (List<String> alternatives : required) {
      query.append(query.length() == 0 ? "" : " AND ");
      query.append(
          alternatives.size() == 1
              ? alternatives.get(0)
              : "(" + String.join(" OR ", alternatives) + ")");
    }
    if (!excluded.isEmpty()) {
      query.insert(0, '(').append(')');
      excluded.forEach(e -> query.append(" NOT ").append(e));
    }
    return query.toString();
  }

  private record Token(String text, boolean negated, boolean or) {
    String quoted() {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
  }

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1));
      if (negated) {
        i++;
        c = text.charAt(i);
      }
      int end;
      String word;
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        end = close < 0 ? n : close + 1; // an unclosed quote runs to the end
        word = text.substring(i + 1, close < 0 ? n : close);
      } else {
        end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
          end++;
        }
        word = text.substring(i, end);
      }
      i = end;
      if (!negated && word.equals("OR") && c != '"') {
        tokens.add(new Token(word, false, true));
      } else if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
        tokens.add(new Token(word, negated, false)); // punctuation alone matches nothing: dropped
      }
    }
    return tokens;
  }
}
