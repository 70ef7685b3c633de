package io.newspipe.enrich.tagging;

import io.newspipe.enrich.text.Inflection;
import io.newspipe.enrich.text.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aho–Corasick over words instead of characters: finds every occurrence of every pattern (a
 * sequence of normalised words) in one left-to-right pass over a text's tokens, however many
 * patterns the taxonomy has. Matching whole tokens means "Iran" never matches inside "Iranian"
 * unless "Iranian" is itself a pattern. Words meet across verb inflection ({@link Inflection}): a
 * pattern word in {@code -ing}/{@code -ed} is stored as the base form another pattern uses
 * ("rigged" as "rig" when "rig" is listed), and a text word that is not a pattern word is looked up
 * by its base forms ("bribing" finds "bribe"). Immutable after construction, so safe to share.
 */
final class TokenAutomaton {

  /** Receives each occurrence: pattern index and first/last token index (inclusive). */
  interface Sink {
    void match(int pattern, int firstToken, int lastToken);
  }

  private final Map<String, Integer> vocabulary = new HashMap<>();
  private final List<Map<Integer, Integer>> children = new ArrayList<>();
  private final int[] failure;
  private final int[][] outputs;
  private final int[] lengths;

  /** Pattern words written uninflected (and irregular bases): the words a text form may reach. */
  private final Set<String> listedBases = new HashSet<>();

  TokenAutomaton(List<List<String>> patterns) {
    lengths = new int[patterns.size()];
    for (List<String> pattern : patterns) {
      for (String word : pattern) {
        String irregular = Inflection.irregular(word);
        if (irregular != null) {
          listedBases.add(irregular);
        } else if (Inflection.bases(word) == null) {
          listedBases.add(word);
        }
      }
    }
    children.add(new HashMap<>());
    List<List<Integer>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int p = 0; p < patterns.size(); p++) {
      int state = 0;
      for (String word : patterns.get(p)) {
        int symbol = vocabulary.computeIfAbsent(patternKey(word), w -> vocabulary.size());
        Integer next = children.get(state).get(symbol);
        if (next == null) {
          next = children.size();
          children.add(new HashMap<>());
          out.add(new ArrayList<>());
          children.get(state).put(symbol, next);
        }
        state = next;
      }
      lengths[p] = patterns.get(p).size();
      out.get(state).add(p);
    }
    failure = new int[children.size()];
    // Breadth-first, so a state's failure target is final before its children need it; each state
    // also reports the patterns of its failure chain ("and its proxy" inside "iran and its proxy").
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : children.get(0).values()) {
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      for (Map.Entry<Integer, Integer> edge : children.get(state).entrySet()) {
        int symbol = edge.getKey();
        int child = edge.getValue();
        int f = failure[state];
        while (f != 0 && !children.get(f).containsKey(symbol)) {
          f = failure[f];
        }
        Integer target = children.get(f).get(symbol);
        failure[child] = target != null && target != child ? target : 0;
        out.get(child).addAll(out.get(failure[child]));
        queue.add(child);
      }
    }
    outputs = new int[out.size()][];
    for (int s = 0; s < out.size(); s++) {
      outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private String patternKey(String word) {
    String irregular = Inflection.irregular(word);
    if (irregular != null) {
      return irregular;
    }
    String[] bases = Inflection.bases(word);
    if (bases == null) {
      return word;
    }
    for (String base : bases) {
      if (listedBases.contains(base) && !Inflection.cannotComeFrom(word, base)) {
        return base;
      }
    }
    return bases[bases.length - 1]; // "bribed" alone: "brib", which "bribing" also finds
  }

  /** The vocabulary symbol of a text word, through its base forms, or null. */
  private Integer symbol(String norm) {
    Integer symbol = vocabulary.get(norm);
    if (symbol != null) {
      return symbol;
    }
    String irregular = Inflection.irregular(norm);
    if (irregular != null) {
      return vocabulary.get(irregular);
    }
    String[] bases = Inflection.bases(norm);
    if (bases != null) {
      for (String base : bases) {
        // "cared" never reaches a listed "car"; an unlisted key ("stag" of a lone "staged") is
        // only ever another form of the same pattern word, so it stays reachable
        if (listedBases.contains(base) && Inflection.cannotComeFrom(norm, base)) {
          continue;
        }
        symbol = vocabulary.get(base);
        if (symbol != null) {
          return symbol;
        }
      }
      return null;
    }
    return null;
  }

  void scan(List<Token> tokens, Sink sink) {
    int state = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).sentenceStart()) {
        state = 0; // phrases do not run across the end of a sentence
      }
      Integer symbol = symbol(tokens.get(i).norm());
      if (symbol == null) {
        state = 0; // a word no pattern contains breaks every partial match
        continue;
      }
      while (state != 0 && !children.get(state).containsKey(symbol)) {
        state = failure[state];
      }
      state = children.get(state).getOrDefault(symbol, 0);
      for (int pattern : outputs[state]) {
        sink.match(pattern, i - lengths[pattern] + 1, i);
      }
    }
  }
}
