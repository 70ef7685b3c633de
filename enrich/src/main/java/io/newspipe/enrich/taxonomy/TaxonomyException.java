package io.newspipe.enrich.taxonomy;

/**
 * A taxonomy file that cannot be used. The message names the file, the line and the key, and says
 * how to fix it, because the person reading it is editing YAML by hand.
 */
public final class TaxonomyException extends RuntimeException {

  private final String source;
  private final int line;
  private final String key;

  public TaxonomyException(String source, int line, String key, String problem, Throwable cause) {
    super(format(source, line, key, problem), cause);
    this.source = source;
    this.line = line;
    this.key = key;
  }

  public TaxonomyException(String source, int line, String key, String problem) {
    this(source, line, key, problem, null);
  }

  private static String format(String source, int line, String key, String problem) {
    StringBuilder message = new StringBuilder("invalid taxonomy ").append(source);
    if (line > 0) {
      message.append(" line ").append(line);
    }
    if (key != null) {
      message.append(", key '").append(key).append('\'');
    }
    return message.append(": ").append(problem).toString();
  }

  /** The file (or classpath resource) that was being read. */
  public String source() {
    return source;
  }

  /** 1-based line of the offending node, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The offending key, or null when the problem is not about one key. */
  public String key() {
    return key;
  }
}
