package io.newspipe.enrich.tagging;

import io.newspipe.enrich.text.Inflection;
import io.newspipe.enrich.text.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * Text words already looked up, with their symbol or {@link #NONE}: one hash look-up instead of
   * {@link #symbol}'s walk through inflections. Starts with the vocabulary; at most {@link
   * #REMEMBERED} other words of at most {@link #REMEMBERED_LENGTH} characters are added, so memory
   * stays bounded (a few MB) whatever the copy, hostile copy of long made-up words included.
   */
  private final ConcurrentHashMap<String, Integer> known;

  private static final Integer NONE = -1;
  static final int REMEMBERED = 50_000;
  static final int REMEMBERED_LENGTH = 40;

  /** The goto function: from the root, indexed by symbol (0 = stay at the root). */
  private final int[] rootNext;

  /** The goto function from every other state: open addressing on (state, symbol), no boxing. */
  private final long[] edgeKeys;

  private final int[] edgeTargets;
  private final int edgeMask;
  private static final long NO_EDGE = -1L;

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
    List<Map<Integer, Integer>> children = new ArrayList<>();
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
    known = new ConcurrentHashMap<>(vocabulary);
    rootNext = new int[vocabulary.size()];
    children.get(0).forEach((symbol, child) -> rootNext[symbol] = child);
    int edges = children.stream().mapToInt(Map::size).sum() - children.get(0).size();
    int capacity = Integer.highestOneBit(Math.max(2, edges * 2 - 1)) << 1; // load factor <= 0.5
    edgeKeys = new long[capacity];
    Arrays.fill(edgeKeys, NO_EDGE);
    edgeTargets = new int[capacity];
    edgeMask = capacity - 1;
    for (int state = 1; state < children.size(); state++) {
      for (Map.Entry<Integer, Integer> edge : children.get(state).entrySet()) {
        long key = edgeKey(state, edge.getKey());
        int slot = slot(key);
        while (edgeKeys[slot] != NO_EDGE) {
          slot = (slot + 1) & edgeMask;
        }
        edgeKeys[slot] = key;
        edgeTargets[slot] = edge.getValue();
      }
    }
  }

  private static long edgeKey(int state, int symbol) {
    return ((long) state << 32) | symbol;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & edgeMask;
  }

  /** The state {@code symbol} leads to from {@code state}, or -1 (from the root: 0) if none. */
  private int next(int state, int symbol) {
    if (state == 0) {
      return rootNext[symbol];
    }
    long key = edgeKey(state, symbol);
    for (int slot = slot(key); ; slot = (slot + 1) & edgeMask) {
      long k = edgeKeys[slot];
      if (k == key) {
        return edgeTargets[slot];
      }
      if (k == NO_EDGE) {
        return -1;
      }
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

  /** {@link #symbol} of a text word, -1 for none, remembered. */
  private int known(String norm) {
    Integer symbol = known.get(norm);
    if (symbol == null) {
      symbol = Objects.requireNonNullElse(symbol(norm), NONE);
      if (norm.length() <= REMEMBERED_LENGTH && known.size() < vocabulary.size() + REMEMBERED) {
        known.putIfAbsent(norm, symbol);
      }
    }
    return symbol;
  }

  /** How many text words outside the vocabulary are remembered (for tests). */
  int remembered() {
    return known.size() - vocabulary.size();
  }

  void scan(List<Token> tokens, Sink sink) {
    int state = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).sentenceStart()) {
        state = 0; // phrases do not run across the end of a sentence
      }
      int symbol = known(tokens.get(i).norm());
      if (symbol < 0) {
        state = 0; // a word no pattern contains breaks every partial match
        continue;
      }
      int next = next(state, symbol);
      while (next < 0) {
        state = failure[state];
        next = next(state, symbol);
      }
      state = next;
      for (int pattern : outputs[state]) {
        sink.match(pattern, i - lengths[pattern] + 1, i);
      }
    }
  }
}
