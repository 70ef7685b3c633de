package io.newspipe.enrich.eval;

import io.newspipe.enrich.story.StoryClusterer;
import io.newspipe.enrich.story.StoryIndex;
import io.newspipe.enrich.story.StoryNames;
import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.story.StoryText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs articles through the story logic in publication order and measures the stories it makes:
 * against {@code story} labels (pairwise and BCubed precision, recall and F1; the worst merges and
 * splits) when the items carry them, and always the size of the stories, the largest one, and how
 * many stories join headlines that carry different stock tickers (which one story should never do).
 * Used by {@code newspipe eval --stories}.
 */
public final class StoryEvaluation {

  /** Precision, recall and F1 of one measure. */
  public record Prf(double precision, double recall) {
    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  /** A predicted story: its id and members in publication order. */
  public record Story(String id, List<StoryItems.Item> members) {}

  /**
   * What a run gives. {@code pairwise} and {@code bcubed} are null for unlabelled items; {@code
   * clustered} counts every article clustered, the stream's included, {@code seconds} and {@code
   * cpuSeconds} the time that took.
   */
  public record Result(
      List<StoryItems.Item> items,
      Map<String, String> predicted,
      List<Story> stories,
      Prf pairwise,
      Prf bcubed,
      long truePairs,
      long predictedPairs,
      long correctPairs,
      int clustered,
      double seconds,
      double cpuSeconds,
      Map<String, StoryIndex.Match> joins) {

    /** The largest story (the earliest on a tie). */
    public Story largest() {
      return stories.stream().max(Comparator.comparingInt(s -> s.members().size())).orElseThrow();
    }

    /** Stories whose members' headlines carry more than one distinct ticker mark. */
    public List<Story> mixedTickerStories() {
      List<Story> mixed = new ArrayList<>();
      for (Story story : stories) {
        Set<String> tickers = new TreeSet<>();
        for (StoryItems.Item item : story.members()) {
          tickers.addAll(StoryNames.tickers(item.headline()));
        }
        if (tickers.size() > 1) {
          mixed.add(story);
        }
      }
      return mixed;
    }
  }

  /**
   * Stories holding two headlines that both carry ticker marks but share none: notices of different
   * companies joined (a merger story naming both parties in each headline is not one).
   */
  public static List<Story> disjointTickerStories(Result result) {
    List<Story> disjoint = new ArrayList<>();
    for (Story story : result.stories()) {
      TickerPairs pairs = TickerPairs.of(story);
      if (pairs.sharing() < pairs.marked()) {
        disjoint.add(story);
      }
    }
    return disjoint;
  }

  /**
   * Pairs of reports in one story whose headlines both carry ticker marks, and how many of them
   * share a ticker: the share of a story's pairs that name the same company, read from the marks
   * alone (needs no labels, so it measures any stream of marked wire copy).
   */
  public record TickerPairs(long marked, long sharing) {

    /** Sharing pairs over marked pairs; 1 when no story holds two marked headlines. */
    public double precision() {
      return marked == 0 ? 1 : (double) sharing / marked;
    }

    /** The marked pairs of one story's member headlines. */
    static TickerPairs of(Story story) {
      List<Set<String>> sets = new ArrayList<>();
      for (StoryItems.Item item : story.members()) {
        Set<String> tickers = StoryNames.tickers(item.headline());
        if (!tickers.isEmpty()) {
          sets.add(tickers);
        }
      }
      long sharing = 0;
      for (int i = 0; i < sets.size(); i++) {
        for (int j = i + 1; j < sets.size(); j++) {
          if (!Collections.disjoint(sets.get(i), sets.get(j))) {
            sharing++;
          }
        }
      }
      return new TickerPairs((long) sets.size() * (sets.size() - 1) / 2, sharing);
    }
  }

  /** {@link TickerPairs} over every story of the result. */
  public static TickerPairs tickerPairs(Result result) {
    long marked = 0;
    long sharing = 0;
    for (Story story : result.stories()) {
      TickerPairs pairs = TickerPairs.of(story);
      marked += pairs.marked();
      sharing += pairs.sharing();
    }
    return new TickerPairs(marked, sharing);
  }

  private StoryEvaluation() {}

  /** Clusters {@code items} (in their order) and scores the result. */
  public static Result run(List<StoryItems.Item> items, StoryRules rules) {
    return run(items, List.of(), rules);
  }

  /**
   * Clusters {@code items} inside {@code stream}, the other articles of the same days (e.g. the
   * whole file the labelled articles were drawn from), in publication order, and scores the
   * labelled items alone: what a live stream does to them, with every other article counting
   * towards word rarity, filling the index's keys and offering stories to join. A stream article
   * that is a labelled one (the same id, or a ref ending in {@code #} and its id) is clustered
   * once, as the labelled one.
   */
  public static Result run(
      List<StoryItems.Item> items, List<StoryItems.Item> stream, StoryRules rules) {
    Set<String> scored = new HashSet<>();
    for (StoryItems.Item item : items) {
      scored.add(item.id());
      scored.add(item.id().substring(item.id().lastIndexOf('#') + 1));
    }
    List<StoryItems.Item> all = new ArrayList<>(items);
    stream.stream().filter(i -> !scored.contains(i.id())).forEach(all::add);
    all.sort(Comparator.comparingLong(StoryItems.Item::published)); // stable: ties keep the order
    StoryClusterer clusterer = new StoryClusterer(rules);
    Map<String, String> predicted = new LinkedHashMap<>();
    Map<String, StoryIndex.Match> joins = new HashMap<>();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    for (StoryItems.Item item : all) {
      StoryIndex.Assignment assignment =
          clusterer.assignment(item.id(), item.headline(), null, item.body(), item.published());
      predicted.put(item.id(), assignment.storyId());
      if (assignment.match() != null) {
        joins.put(item.id(), assignment.match());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // CPU time of this thread: what the clustering costs, however busy the machine is.
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    predicted.keySet().retainAll(scored);
    joins.keySet().retainAll(scored);
    Map<String, List<StoryItems.Item>> byStory = new LinkedHashMap<>();
    for (StoryItems.Item item : items) {
      byStory.computeIfAbsent(predicted.get(item.id()), s -> new ArrayList<>()).add(item);
    }
    List<Story> stories = new ArrayList<>();
    byStory.forEach((id, members) -> stories.add(new Story(id, List.copyOf(members))));
    boolean labelled = !items.isEmpty() && items.stream().allMatch(i -> i.story() != null);
    if (!labelled) {
      return new Result(
          items, predicted, stories, null, null, 0, 0, 0, all.size(), seconds, cpuSeconds, joins);
    }
    Map<String, Integer> trueSizes = new HashMap<>();
    items.forEach(i -> trueSizes.merge(i.story(), 1, Integer::sum));
    long truePairs = 0;
    for (int size : trueSizes.values()) {
      truePairs += pairs(size);
    }
    long predictedPairs = 0;
    long correctPairs = 0;
    double bPrecision = 0;
    double bRecall = 0;
    for (Story story : stories) {
      predictedPairs += pairs(story.members().size());
      Map<String, Integer> labels = labelCounts(story);
      for (Map.Entry<String, Integer> label : labels.entrySet()) {
        int shared = label.getValue();
        correctPairs += pairs(shared);
        // BCubed: each of the `shared` members sees `shared` of its cluster correct.
        bPrecision += (double) shared * shared / story.members().size();
        bRecall += (double) shared * shared / trueSizes.get(label.getKey());
      }
    }
    Prf pairwise =
        new Prf(
            predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs,
            truePairs == 0 ? 1 : (double) correctPairs / truePairs);
    Prf bcubed = new Prf(bPrecision / items.size(), bRecall / items.size());
    return new Result(
        items,
        predicted,
        stories,
        pairwise,
        bcubed,
        truePairs,
        predictedPairs,
        correctPairs,
        all.size(),
        seconds,
        cpuSeconds,
        joins);
  }

  private static Map<String, Integer> labelCounts(Story story) {
    Map<String, Integer> labels = new LinkedHashMap<>();
    story.members().forEach(i -> labels.merge(i.story(), 1, Integer::sum));
    return labels;
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  /** The report {@code newspipe eval --stories} prints; {@code worst} merges and splits listed. */
  public static String report(Result result, int worst) {
    StringBuilder out = new StringBuilder();
    List<StoryItems.Item> items = result.items();
    int multi = 0;
    int inMulti = 0;
    for (Story story : result.stories()) {
      if (story.members().size() > 1) {
        multi++;
        inMulti += story.members().size();
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d articles (%d undated) -> %d stories; %d of more than one article (%d articles)%n",
            items.size(),
            items.stream().filter(i -> i.published() == StoryItems.UNDATED).count(),
            result.stories().size(),
            multi,
            inMulti));
    if (result.pairwise() != null) {
      out.append(line("pairwise", result.pairwise()))
          .append(
              String.format(
                  Locale.ROOT,
                  "  (%d of %d predicted pairs correct; %d labelled pairs)%n",
                  result.correctPairs(),
                  result.predictedPairs(),
                  result.truePairs()));
      out.append(line("BCubed", result.bcubed()));
    }
    Story largest = result.largest();
    out.append(
        String.format(
            Locale.ROOT,
            "largest story: %s, %d articles%n",
            largest.id(),
            largest.members().size()));
    largest.members().stream().limit(worst).forEach(i -> out.append(member(i)));
    List<Story> mixed = result.mixedTickerStories();
    List<Story> disjoint = disjointTickerStories(result);
    out.append(
        String.format(
            Locale.ROOT,
            "stories whose headlines carry more than one distinct ticker: %d; with two headlines"
                + " whose tickers share none: %d%n",
            mixed.size(),
            disjoint.size()));
    TickerPairs tickerPairs = tickerPairs(result);
    out.append(
        String.format(
            Locale.ROOT,
            "pairs of one story whose headlines both carry tickers: %d, sharing one: %d (%.3f)%n",
            tickerPairs.marked(),
            tickerPairs.sharing(),
            tickerPairs.precision()));
    disjoint.stream()
        .sorted(Comparator.comparingInt((Story s) -> -s.members().size()))
        .limit(worst)
        .forEach(
            s -> {
              out.append("  story ").append(s.id()).append('\n');
              s.members().stream().limit(4).forEach(i -> out.append(member(i)));
            });
    if (result.pairwise() != null) {
      worstMerges(result, worst, out);
      worstSplits(result, worst, out);
    }
    return out.toString();
  }

  private static void worstMerges(Result result, int worst, StringBuilder out) {
    List<Story> merged = new ArrayList<>();
    for (Story story : result.stories()) {
      if (labelCounts(story).size() > 1) {
        merged.add(story);
      }
    }
    merged.sort(Comparator.comparingLong(StoryEvaluation::wrongPairs).reversed());
    out.append(String.format(Locale.ROOT, "worst merges (of %d):%n", merged.size()));
    for (Story story : merged.subList(0, Math.min(worst, merged.size()))) {
      out.append(
          String.format(
              Locale.ROOT,
              "  story %s joins labels %s (%d wrong pairs)%n",
              story.id(),
              labelCounts(story),
              wrongPairs(story)));
      story.members().forEach(i -> out.append(member(i)));
    }
  }

  private static long wrongPairs(Story story) {
    long correct = 0;
    for (int n : labelCounts(story).values()) {
      correct += pairs(n);
    }
    return pairs(story.members().size()) - correct;
  }

  private static void worstSplits(Result result, int worst, StringBuilder out) {
    Map<String, Map<String, List<StoryItems.Item>>> byLabel = new LinkedHashMap<>();
    for (StoryItems.Item item : result.items()) {
      byLabel
          .computeIfAbsent(item.story(), l -> new LinkedHashMap<>())
          .computeIfAbsent(result.predicted().get(item.id()), s -> new ArrayList<>())
          .add(item);
    }
    List<Map.Entry<String, Map<String, List<StoryItems.Item>>>> split = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<StoryItems.Item>>> e : byLabel.entrySet()) {
      if (e.getValue().size() > 1) {
        split.add(e);
      }
    }
    split.sort(Comparator.comparingLong(e -> -missedPairs(e.getValue())));
    out.append(String.format(Locale.ROOT, "worst splits (of %d):%n", split.size()));
    for (var e : split.subList(0, Math.min(worst, split.size()))) {
      out.append(
          String.format(
              Locale.ROOT,
              "  label %s in %d stories (%d missed pairs)%n",
              e.getKey(),
              e.getValue().size(),
              missedPairs(e.getValue())));
      e.getValue()
          .forEach(
              (story, members) -> {
                out.append("    story ").append(story).append('\n');
                members.forEach(i -> out.append("  ").append(member(i)));
              });
    }
  }

  private static long missedPairs(Map<String, List<StoryItems.Item>> parts) {
    long total = 0;
    long within = 0;
    for (List<StoryItems.Item> part : parts.values()) {
      total += part.size();
      within += pairs(part.size());
    }
    return pairs(total) - within;
  }

  private static String member(StoryItems.Item item) {
    String headline = item.headline().replaceAll("\\s+", " ").strip();
    return String.format(
        Locale.ROOT,
        "    %s %s [%s] %s%n",
        java.time.Instant.ofEpochMilli(item.published()).toString().substring(0, 16),
        item.id(),
        item.story() == null ? "-" : item.story(),
        headline.length() > 90 ? headline.substring(0, 90) + "…" : headline);
  }

  private static String line(String name, Prf prf) {
    return String.format(
        Locale.ROOT,
        "%-9s precision %.3f  recall %.3f  F1 %.3f%n",
        name,
        prf.precision(),
        prf.recall(),
        prf.f1());
  }

  /**
   * {@code --explain}: every wrongly joined pair (one predicted story, different labels) and every
   * missed pair (one label, different predicted stories), each with both headlines and the evidence
   * the story rules weigh: the hours between them, the shared words with their rarity in this set
   * ({@code ln(N / df)}), the cosine similarity of the two articles' rarity-weighted words, what
   * each names (tickers, companies, people, headline subjects), whether the names conflict or
   * agree, and the similarity with which the later article joined its story.
   */
  public static String explain(Result result) {
    List<StoryItems.Item> items = result.items();
    Map<String, List<String>> words = new HashMap<>();
    Map<String, StoryNames> names = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (StoryItems.Item item : items) {
      List<String> w = StoryText.words(item.headline(), null, item.body());
      words.put(item.id(), w);
      names.put(item.id(), StoryNames.of(item.headline(), null, item.body()));
      w.forEach(x -> df.merge(x, 1, Integer::sum));
    }
    StringBuilder out = new StringBuilder();
    if (result.pairwise() == null) {
      return out.append("--explain needs labelled items\n").toString();
    }
    List<StoryItems.Item[]> wrong = new ArrayList<>();
    List<StoryItems.Item[]> missed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        StoryItems.Item a = items.get(i);
        StoryItems.Item b = items.get(j);
        boolean sameLabel = a.story().equals(b.story());
        boolean samePredicted =
            result.predicted().get(a.id()).equals(result.predicted().get(b.id()));
        if (samePredicted && !sameLabel) {
          wrong.add(new StoryItems.Item[] {a, b});
        } else if (sameLabel && !samePredicted) {
          missed.add(new StoryItems.Item[] {a, b});
        }
      }
    }
    out.append(String.format(Locale.ROOT, "wrongly joined pairs (%d):%n", wrong.size()));
    wrong.forEach(p -> explainPair(p[0], p[1], result, words, names, df, items.size(), out));
    out.append(String.format(Locale.ROOT, "missed pairs (%d):%n", missed.size()));
    missed.forEach(p -> explainPair(p[0], p[1], result, words, names, df, items.size(), out));
    return out.toString();
  }

  private static void explainPair(
      StoryItems.Item a,
      StoryItems.Item b,
      Result result,
      Map<String, List<String>> words,
      Map<String, StoryNames> names,
      Map<String, Integer> df,
      int n,
      StringBuilder out) {
    out.append(member(a)).append(member(b));
    Map<String, Double> wa = weights(words.get(a.id()), df, n);
    Map<String, Double> wb = weights(words.get(b.id()), df, n);
    double dot = 0;
    List<String> shared = new ArrayList<>();
    for (Map.Entry<String, Double> e : wa.entrySet()) {
      Double other = wb.get(e.getKey());
      if (other != null) {
        dot += e.getValue() * other;
        shared.add(e.getKey());
      }
    }
    shared.sort(Comparator.comparingDouble((String w) -> -wa.get(w)).thenComparing(w -> w));
    double cosine = dot / Math.max(1e-12, norm(wa) * norm(wb));
    StringBuilder sharedText = new StringBuilder();
    for (String w : shared.subList(0, Math.min(10, shared.size()))) {
      sharedText.append(String.format(Locale.ROOT, " %s(%.1f)", w, wa.get(w)));
    }
    StoryNames na = names.get(a.id());
    StoryNames nb = names.get(b.id());
    StoryIndex.Match join = result.joins().get(b.id());
    out.append(
        String.format(
            Locale.ROOT,
            "      %.1f h apart; pair cosine %.2f; %s; names %s, %s; later one %s%n",
            Math.abs(b.published() - a.published()) / 3_600_000.0,
            cosine,
            agreement(na, nb),
            describe(na),
            describe(nb),
            join == null
                ? "started a story"
                : String.format(Locale.ROOT, "joined at %.2f", join.similarity())));
    out.append("      shared:").append(sharedText).append('\n');
  }

  // How the names of a pair weigh in the rules: only an agreeing company lowers the bar.
  private static String agreement(StoryNames a, StoryNames b) {
    if (a.conflicts(b)) {
      return "names CONFLICT";
    }
    if (a.agreesOnCompany(b)) {
      return "company agrees";
    }
    return a.agrees(b) ? "only a person agrees (does not lower the bar)" : "names neutral";
  }

  private static String describe(StoryNames names) {
    StringBuilder s = new StringBuilder("{");
    if (!names.headlineTickers().isEmpty()) {
      s.append("headline tickers ").append(names.headlineTickers()).append(' ');
    }
    if (!names.tickers().isEmpty()) {
      s.append("tickers ").append(names.tickers()).append(' ');
    }
    if (!names.companies().isEmpty()) {
      s.append("companies ").append(names.companies()).append(' ');
    }
    if (!names.people().isEmpty()) {
      s.append("people ").append(names.people()).append(' ');
    }
    if (!names.subjects().isEmpty()) {
      s.append("subjects ").append(names.subjects()).append(' ');
    }
    return s.toString().strip() + "}";
  }

  private static Map<String, Double> weights(List<String> words, Map<String, Integer> df, int n) {
    Map<String, Double> w = new HashMap<>();
    for (String word : words) {
      w.put(word, Math.log((double) (n + 1) / df.getOrDefault(word, 1)));
    }
    return w;
  }

  private static double norm(Map<String, Double> v) {
    double sum = 0;
    for (double x : v.values()) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
