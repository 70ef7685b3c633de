package io.newspipe.app;

import io.newspipe.app.cli.BrokerCommand;
import io.newspipe.app.cli.EnrichCommand;
import io.newspipe.app.cli.EvalCommand;
import io.newspipe.app.cli.ExportCommand;
import io.newspipe.app.cli.ExtractCommand;
import io.newspipe.app.cli.IngestCommand;
import io.newspipe.app.cli.ParseCommand;
import io.newspipe.app.cli.ReplayCommand;
import io.newspipe.app.cli.SearchCommand;
import io.newspipe.app.cli.SinkCommand;
import io.newspipe.app.cli.SubscribeCommand;
import io.newspipe.app.cli.TagCommand;
import io.newspipe.app.cli.TrainCommand;
import io.newspipe.app.cli.UpCommand;
import io.newspipe.app.cli.WatchCommand;
import io.newspipe.app.cli.WebCommand;
import io.newspipe.schemas.EventTypes;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newspipe} command: one binary for every service and tool. */
@Command(
    name = "newspipe",
    mixinStandardHelpOptions = true,
    versionProvider = Newspipe.Version.class,
    description = "Event-streaming news pipeline: ingest wire feeds, tag them, store them.",
    subcommands = {
      UpCommand.class,
      IngestCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      WebCommand.class,
      BrokerCommand.class,
      ParseCommand.class,
      TagCommand.class,
      ExtractCommand.class,
      EvalCommand.class,
      TrainCommand.class,
      SubscribeCommand.class,
      ReplayCommand.class,
      SearchCommand.class,
      ExportCommand.class,
      WatchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Newspipe {

  public static void main(String[] args) {
    EventTypes.trust();
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this, not main). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line (error handling included), without System.exit. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Newspipe());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // People get the message and what to do; the stack trace only when asked for.
          String message = e.getMessage() == null ? e.toString() : e.getMessage();
          commandLine.getErr().println("newspipe: " + message);
          if (System.getenv("NEWSPIPE_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine.getErr().println("(set NEWSPIPE_DEBUG=1 for the stack trace)");
          }
          return e instanceof ConfigException ? 2 : 1;
        });
    return cli;
  }

  /** Version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Newspipe.class.getPackage().getImplementationVersion();
      return new String[] {"newspipe " + (v == null ? "dev" : v)};
    }
  }
}
