package io.newspipe.enrich.classify;

import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The features a {@link LinearModel} reads from one article: its words ({@code w:}), headline words
 * ({@code h:}), pairs of adjacent words within a sentence ({@code b:}), and what the tag's rules
 * found ({@code r:} a rule whose evidence counted, {@code x:} an exclusion that matched, {@code s:}
 * whether the rules reached the threshold ({@code reach}), found some evidence ({@code some}), none
 * ({@code none}) or were vetoed ({@code veto})). Words are the tokenizer's normalised forms (case
 * folded, accents and plurals removed); a word with a digit is {@code #}. Binary: a feature is
 * present or not.
 *
 * <p>{@link #of} names them (for training and explanations); {@link #keys} gives the same features
 * as distinct 64-bit hashes ({@link #key}) without building a string per feature, for tagging.
 */
public final class Features {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  // Word features are keyed by one hash of the word, salted per kind and finalised (fmix64), so a
  // token is hashed once for its word, headline-word and pair keys; other features by the FNV-1a
  // hash of their whole name.
  private static final long W = 0x9e3779b97f4a7c15L;
  private static final long H = 0xbf58476d1ce4e5b9L;
  private static final long B = 0x94d049bb133111ebL;
  private static final long T = 0xd6e8feb86659fd93L;
  private static final long DIGITS = hash(OFFSET, "#");

  private Features() {}

  /** The features by name. */
  public static Set<String> of(String headline, String body, RuleScore rules) {
    return of(tokens(headline), tokens(body), rules);
  }

  public static Set<String> of(List<Token> headline, List<Token> body, RuleScore rules) {
    Set<String> features = new TreeSet<>();
    words(headline, features, true);
    words(body, features, false);
    if (rules != null) {
      rules.rules().forEach(r -> features.add("r:" + r));
      rules.exclusions().forEach(x -> features.add("x:" + x));
      features.add("s:" + state(rules));
    }
    return features;
  }

  /**
   * The features as distinct {@link #key}s, in the order first met (words and pairs of the
   * headline, then of the body, then the rules').
   */
  public static long[] keys(List<Token> headline, List<Token> body, RuleScore rules) {
    long[][] keys = {new long[16]};
    int[] n = {0};
    forEachKey(
        headline,
        body,
        rules,
        key -> {
          if (n[0] == keys[0].length) {
            keys[0] = Arrays.copyOf(keys[0], 2 * n[0]);
          }
          keys[0][n[0]++] = key;
        });
    return Arrays.copyOf(keys[0], n[0]);
  }

  /**
   * Meets each of the article's features once, as its {@link #key}, in the order of {@link #keys},
   * without allocating per feature: the tagging path.
   */
  public static void forEachKey(
      List<Token> headline, List<Token> body, RuleScore rules, LongConsumer sink) {
    KeySet keys = SCRATCH.get();
    keys.reset(4 * headline.size() + 3 * body.size() + 16, sink);
    try {
      walk(headline, true, keys);
      walk(body, false, keys);
      if (rules != null) {
        for (String r : rules.rules()) {
          keys.add(key("r:" + r));
        }
        for (String x : rules.exclusions()) {
          keys.add(key("x:" + x));
        }
        keys.add(key("s:" + state(rules)));
      }
    } finally {
      keys.clear();
    }
  }

  private static final ThreadLocal<KeySet> SCRATCH = ThreadLocal.withInitial(KeySet::new);

  /** What {@link #walk} meets: each word's keys, then the pair it ends, if any. */
  public interface Walk {
    /**
     * A word: its {@code w:} key, its {@code t:} (stem) key, and its {@code h:} key in a headline,
     * 0 elsewhere.
     */
    void word(long key, long stemKey, long headlineKey, Token token);

    /** Two adjacent words of one sentence. */
    void pair(long key, Token first, Token second);
  }

  /**
   * Meets every word and adjacent pair of one field's tokens with its {@link #key}, as {@link #of}
   * names them, hashing each token's text once.
   */
  public static void walk(List<Token> tokens, boolean headline, Walk walk) {
    Token previous = null;
    long previousHash = 0;
    StemKeys stems = STEM_KEYS.get();
    for (Token token : tokens) {
      long hash = wordHash(token.norm());
      walk.word(
          wordKeyOf(hash), stems.of(hash, token.norm()), headline ? headlineKeyOf(hash) : 0, token);
      if (previous != null && !token.sentenceStart()) {
        walk.pair(pairKeyOf(previousHash, hash), previous, token);
      }
      previous = token;
      previousHash = hash;
    }
  }

  /**
   * The keys met so far in one article, passed on to a sink the first time each is met: open
   * addressing (0 kept apart), reused by its thread and cleared slot by slot.
   */
  private static final class KeySet implements Walk {
    private long[] table = new long[1024];
    private int[] used = new int[512];
    private int size;
    private boolean zero;
    private LongConsumer sink;

    void reset(int expected, LongConsumer sink) {
      int capacity = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) << 1;
      if (table.length < capacity) {
        table = new long[capacity];
        used = new int[capacity / 2];
      }
      this.sink = sink;
    }

    @Override
    public void word(long key, long stemKey, long headlineKey, Token token) {
      add(key);
      add(stemKey);
      if (headlineKey != 0) {
        add(headlineKey);
      }
    }

    @Override
    public void pair(long key, Token first, Token second) {
      add(key);
    }

    void add(long key) {
      if (key == 0) {
        if (!zero) {
          zero = true;
          sink.accept(0);
        }
        return;
      }
      int mask = table.length - 1;
      int at = (int) (mix(key) & mask);
      while (table[at] != 0) {
        if (table[at] == key) {
          return;
        }
        at = (at + 1) & mask;
      }
      if (size == used.length) { // more keys than expected: grow, keeping what is in
        long[] old = table;
        int[] oldUsed = used;
        int oldSize = size;
        table = new long[2 * old.length];
        used = new int[old.length];
        size = 0;
        for (int i = 0; i < oldSize; i++) {
          insert(old[oldUsed[i]]);
        }
        insert(key);
      } else {
        table[at] = key;
        used[size++] = at;
      }
      sink.accept(key);
    }

    private void insert(long key) {
      int mask = table.length - 1;
      int at = (int) (mix(key) & mask);
      while (table[at] != 0) {
        at = (at + 1) & mask;
      }
      table[at] = key;
      used[size++] = at;
    }

    void clear() {
      for (int i = 0; i < size; i++) {
        table[used[i]] = 0;
      }
      size = 0;
      zero = false;
      sink = null;
    }
  }

  /** Spreads a key's bits over the low ones, for open addressing. */
  static long mix(long key) {
    key ^= key >>> 33;
    key *= 0xff51afd7ed558ccdL;
    key ^= key >>> 33;
    return key;
  }

  /** The 64-bit key of a feature, by its name as {@link #of} gives it. */
  public static long key(String feature) {
    if (feature.length() > 1 && feature.charAt(1) == ':') {
      switch (feature.charAt(0)) {
        case 'w':
          return wordKeyOf(hash(OFFSET, feature, 2, feature.length()));
        case 'h':
          return headlineKeyOf(hash(OFFSET, feature, 2, feature.length()));
        case 't':
          return stemKeyOf(hash(OFFSET, feature, 2, feature.length()));
        case 'b':
          int space = feature.indexOf(' ', 2); // words never hold a space
          if (space > 2) {
            return pairKeyOf(
                hash(OFFSET, feature, 2, space),
                hash(OFFSET, feature, space + 1, feature.length()));
          }
          break;
        default:
          break;
      }
    }
    return hash(OFFSET, feature);
  }

  /** The key of {@code w:word}. */
  public static long wordKey(String word) {
    return wordKeyOf(hash(OFFSET, word));
  }

  /** The key of {@code h:word}. */
  public static long headlineKey(String word) {
    return headlineKeyOf(hash(OFFSET, word));
  }

  /** The key of {@code b:first second}. */
  public static long pairKey(String first, String second) {
    return pairKeyOf(hash(OFFSET, first), hash(OFFSET, second));
  }

  private static long wordKeyOf(long hash) {
    return fmix(hash ^ W);
  }

  private static long stemKeyOf(long hash) {
    return fmix(hash ^ T);
  }

  private static final ThreadLocal<StemKeys> STEM_KEYS = ThreadLocal.withInitial(StemKeys::new);

  /**
   * The stem keys of recent words by their word hash: a direct-mapped cache (a slot holds the last
   * word that hashed to it), so a word seen before costs one probe instead of a stemming.
   */
  private static final class StemKeys {
    private final long[] words = new long[1 << 14];
    private final long[] stems = new long[1 << 14];

    long of(long wordHash, String norm) {
      int at = (int) (mix(wordHash) & (words.length - 1));
      if (words[at] == wordHash && stems[at] != 0) {
        return stems[at];
      }
      long key = stemKeyOf(hash(OFFSET, stem(word(norm))));
      words[at] = wordHash;
      stems[at] = key;
      return key;
    }
  }

  private static final int STEM_CACHE = 50_000;
  private static final ThreadLocal<EnglishStemmer> STEMMER =
      ThreadLocal.withInitial(EnglishStemmer::new);
  private static final ThreadLocal<Map<String, String>> STEMS =
      ThreadLocal.withInitial(HashMap::new);

  /**
   * The Snowball (Porter 2) English stem of a feature word ("election", "elected" and "electoral"
   * are all "elect"), so a model can weigh a word form it never saw. Cached per thread.
   */
  public static String stem(String word) {
    Map<String, String> stems = STEMS.get();
    String stem = stems.get(word);
    if (stem == null) {
      EnglishStemmer stemmer = STEMMER.get();
      stemmer.setCurrent(word);
      stemmer.stem();
      stem = stemmer.getCurrent();
      if (stems.size() >= STEM_CACHE) {
        stems.clear();
      }
      stems.put(word, stem);
    }
    return stem;
  }

  private static long headlineKeyOf(long hash) {
    return fmix(hash ^ H);
  }

  private static long pairKeyOf(long first, long second) {
    return fmix(fmix(first ^ B) + second);
  }

  /** The FNV-1a hash of {@link #word}{@code (norm)}, in one pass over the characters. */
  private static long wordHash(String norm) {
    long h = OFFSET;
    for (int i = 0; i < norm.length(); i++) {
      char c = norm.charAt(i);
      if (c >= '0' && c <= '9' || c > 0x7f && Character.isDigit(c)) {
        return DIGITS;
      }
      h ^= c;
      h *= PRIME;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static String state(RuleScore rules) {
    if (rules.vetoed()) {
      return "veto";
    }
    if (rules.reaches()) {
      return "reach";
    }
    return !rules.rules().isEmpty() && rules.score() > 0 ? "some" : "none";
  }

  private static List<Token> tokens(String text) {
    return Tokenizer.tokenize(text == null ? "" : text);
  }

  private static void words(List<Token> tokens, Set<String> features, boolean headline) {
    String previous = null;
    for (Token token : tokens) {
      String word = word(token.norm());
      features.add("w:" + word);
      features.add("t:" + stem(word));
      if (headline) {
        features.add("h:" + word);
      }
      if (previous != null && !token.sentenceStart()) {
        features.add("b:" + previous + ' ' + word);
      }
      previous = word;
    }
  }

  private static long hash(long h, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= PRIME;
    }
    return h;
  }

  private static long hash(long h, String s) {
    return hash(h, s, 0, s.length());
  }

  /** The word a token stands for in features: its normalised form, or # when it has a digit. */
  public static String word(String norm) {
    for (int i = 0; i < norm.length(); i++) {
      if (Character.isDigit(norm.charAt(i))) {
        return "#";
      }
    }
    return norm;
  }
}
