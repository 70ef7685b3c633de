package io.newspipe.enrich.tagging;

import io.newspipe.enrich.text.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick over words instead of characters: finds every occurrence of every pattern (a
 * sequence of normalised words) in one left-to-right pass over a text's tokens, however many
 * patterns the taxonomy has. Matching whole tokens means "Iran" never matches inside "Iranian"
 * unless "Iranian" is itself a pattern. Immutable after construction, so safe to share.
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

  TokenAutomaton(List<List<String>> patterns) {
    lengths = new int[patterns.size()];
    children.add(new HashMap<>());
    List<List<Integer>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int p = 0; p < patterns.size(); p++) {
      int state = 0;
      for (String word : patterns.get(p)) {
        int symbol = vocabulary.computeIfAbsent(word, w -> vocabulary.size());
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

  void scan(List<Token> tokens, Sink sink) {
    int state = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).sentenceStart()) {
        state = 0; // phrases do not run across the end of a sentence
      }
      Integer symbol = vocabulary.get(tokens.get(i).norm());
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
