package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Notify;
import io.newspipe.read.watch.WatchBook;
import io.newspipe.schemas.EventMaps;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.Topics;
import io.newspipe.schemas.Watch;
import io.newspipe.store.QueryMatcher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newspipe watch add|list|rm}: saved searches, kept in Kafka (news.watches). */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Saved searches: every newly tagged article that matches one goes to news.watch.<id>, the"
          + " UI (/watches.html) and /feeds/watches/<id>.xml.",
      "  newspipe watch add captagon --query 'captagon OR fenethylline' --tag narcotics",
      "  newspipe watch list",
      "  newspipe watch rm captagon"
    },
    subcommands = {
      WatchCommand.Add.class,
      WatchCommand.ListWatches.class,
      WatchCommand.Remove.class
    })
public final class WatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code watch add NAME --query Q}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a search.")
  static final class Add implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "What to call it (its id is made from it).")
    String name;

    @Option(
        names = {"-q", "--query"},
        required = true,
        paramLabel = "QUERY",
        description = "Words in 'newspipe search' syntax.")
    String query;

    @Option(
        names = "--tag",
        paramLabel = "ID",
        description = "Only articles with this tag (repeat).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--all-tags", description = "Articles need every --tag, not any.")
    boolean allTags;

    @Option(names = "--source", paramLabel = "ID", description = "Only from this source (repeat).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--language", paramLabel = "LANG", description = "Only in LANG (repeat).")
    List<String> languages = new ArrayList<>();

    @Override
    public Integer call() {
      try {
        QueryMatcher.validate(query);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            e.getMessage() + " (see 'newspipe search --help' for the query syntax)", e);
      }
      Settings settings = config.settings();
      try (KafkaConnection kafka = KafkaConnection.open(settings)) {
        WatchBook book = Notify.book(settings, kafka, TopicSet.DEFAULT);
        Watch w = book.add(name, query, tags, allTags, sources, languages);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "saved search " + w.getId() + ": matches go to " + Topics.watch(w.getId()).name());
        out.flush();
      }
      return 0;
    }
  }

  /** {@code watch list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved searches.")
  static final class ListWatches implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per saved search.")
    boolean json;

    @Override
    public Integer call() {
      Settings settings = config.settings();
      try (KafkaConnection kafka = KafkaConnection.open(settings)) {
        List<Watch> all = Notify.book(settings, kafka, TopicSet.DEFAULT).list();
        PrintWriter out = spec.commandLine().getOut();
        for (Watch w : all) {
          out.println(json ? Json.line(EventMaps.toMap(w)) : text(w));
        }
        if (all.isEmpty() && !json) {
          spec.commandLine()
              .getErr()
              .println("no saved searches; add one with 'newspipe watch add'");
        }
        out.flush();
      }
      return 0;
    }

    static String text(Watch w) {
      StringBuilder s = new StringBuilder(w.getId()).append("  ").append(w.getName());
      s.append("  query: ").append(w.getQuery());
      if (!w.getTags().isEmpty()) {
        s.append("  tags(").append(w.getAllTags() ? "all" : "any").append("): ");
        s.append(String.join(",", w.getTags()));
      }
      if (!w.getSources().isEmpty()) {
        s.append("  sources: ").append(String.join(",", w.getSources()));
      }
      if (!w.getLanguages().isEmpty()) {
        s.append("  languages: ").append(String.join(",", w.getLanguages()));
      }
      return s.toString();
    }
  }

  /** {@code watch rm ID}. */
  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a saved search.")
  static final class Remove implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The saved search's id (see 'watch list').")
    String id;

    @Override
    public Integer call() {
      Settings settings = config.settings();
      try (KafkaConnection kafka = KafkaConnection.open(settings)) {
        if (!Topics.isValidWatchId(id)
            || !Notify.book(settings, kafka, TopicSet.DEFAULT).remove(id)) {
          spec.commandLine()
              .getErr()
              .println("no saved search with id '" + id + "'; see 'newspipe watch list'");
          return 1;
        }
        spec.commandLine().getOut().println("deleted saved search " + id);
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
