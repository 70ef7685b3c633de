package io.newspipe.ingest.conformance;

/** Decodes the Python string literals feedparser's test expectations are written in. */
final class PythonLiteral {

  private PythonLiteral() {}

  /** {@code u'it\'s'} or {@code "x"} to its value. */
  static String decode(String literal) {
    String s = literal.startsWith("u") ? literal.substring(1) : literal;
    int quote = s.startsWith("\"\"\"") ? 3 : 1;
    s = s.substring(quote, s.length() - quote);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
