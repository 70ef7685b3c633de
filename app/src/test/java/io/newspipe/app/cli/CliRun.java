package io.newspipe.app.cli;

import io.newspipe.app.Newspipe;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process, capturing what it prints, for CLI tests. */
final class CliRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Executes {@code newspipe args...} and returns its exit code (no System.exit). */
  int execute(String... args) {
    CommandLine cli = Newspipe.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
