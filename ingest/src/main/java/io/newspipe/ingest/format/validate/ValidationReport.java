package io.newspipe.ingest.format.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one document against the published rules of its standard.
 *
 * @param standard the rules applied and why those, e.g. {@code "ninjs 1.3 (declared by the
 *     document)"}; null when newspipe has no rules for the document's format (RSS, Atom, JSON Feed,
 *     text), so nothing was checked
 * @param problems what breaks the rules, in document order; empty when the document is valid
 */
public record ValidationReport(String standard, List<ValidationProblem> problems) {

  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /** A report for a format newspipe has no validation rules for. */
  public static ValidationReport notChecked() {
    return new ValidationReport(null, List.of());
  }

  /** A report of a document that could not even be read as its format (not JSON, not XML). */
  public static ValidationReport unreadable(String standard, String path, String message) {
    return new ValidationReport(standard, List.of(new ValidationProblem(path, message)));
  }

  /** True if rules were applied (ninjs or NewsML-G2). */
  public boolean checked() {
    return standard != null;
  }

  /** True if no rule is broken (also true when nothing was checked). */
  public boolean valid() {
    return problems.isEmpty();
  }

  /**
   * The first {@code max} problems on one line, for log lines and dead-letter headers: {@code "2
   * problems against ninjs 1.0: $.type: ...; $.pubstatus: ..."}.
   */
  public String summary(int max) {
    if (problems.isEmpty()) {
      return checked() ? "valid " + standard : "not validated (no rules for this format)";
    }
    String first =
        problems.stream()
            .limit(Math.max(1, max))
            .map(ValidationProblem::toString)
            .collect(Collectors.joining("; "));
    int more = problems.size() - Math.max(1, max);
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " against "
        + standard
        + ": "
        + first
        + (more > 0 ? "; and " + more + " more" : "");
  }
}
