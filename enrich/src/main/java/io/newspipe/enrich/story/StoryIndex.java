package io.newspipe.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The memory of story clustering, over three key-value stores (changelog-backed in the topology):
 *
 * <ul>
 *   <li>{@link #STORIES}: article id -> story id and the story's start (the publication time of its
 *       first article), for every article ever clustered, so that new versions and withdrawals keep
 *       their story however late they come;
 *   <li>{@link #SIGNATURES}: article id -> story id and start, publication time, time indexed and
 *       the {@link StorySignature} word hashes of its latest version;
 *   <li>{@link #BANDS}: MinHash band key -> the ids of the (at most {@value #BAND_CAPACITY}) latest
 *       articles with that band;
 *   <li>{@link #STORY_STATE}: story id -> {@link StoryState}: size, the names its articles agree on
 *       and the centroid of their rarity-weighted words;
 *   <li>{@link #WORD_COUNTS}: word hash -> decayed document frequency ({@link WordRarity}).
 * </ul>
 *
 * Signatures and bands only find candidates: the articles sharing a MinHash band, a name key
 * (ticker, headline subject) or one of their {@value #HEADLINE_KEYS} rarest headline words lead to
 * their stories, and an article joins the story whose centroid it resembles most (cosine similarity
 * of rarity-weighted words at or above {@link StoryRules#similarity()}, or {@value
 * #AGREEING_FACTOR} of it when both name the same ticker or telling headline subject within a day
 * of the story's latest report and two days of its start; a headline-only flash whose words the
 * story holds, or an item that holds the words of a story's flash, joins within {@link
 * #CONTAINED_WINDOW_MILLIS} of its latest report; after {@link #QUIET_MILLIS} without a report only
 * a re-run joins), among the stories that began within the window, hold fewer than {@value
 * #MAX_ARTICLES} articles and name no other company, ticker, person ({@link StoryNames#conflicts}),
 * headline subject ({@link StoryNames#subjectsConflict}) or headline name ({@link
 * StoryText#headlineNames}: each headline names a place or firm the other report never mentions).
 *
 * <p>Signatures, bands and story states are forgotten one {@link StoryRules#window()} after they
 * were last indexed ({@link #purge}), so the index holds roughly the articles of one window and
 * stays bounded while the stream runs; word counts are forgotten by event time ({@link
 * WordRarity}).
 *
 * <p>Not thread-safe: one instance per Streams task, as stores are.
 */
public final class StoryIndex {

  /** Store: article id -> {@code "<story start, epoch millis> <story id>"}. */
  public static final String STORIES = "article-stories";

  /** Store: article id -> signature entry (similarity index). */
  public static final String SIGNATURES = "story-signatures";

  /** Store: band key -> latest article ids (similarity index). */
  public static final String BANDS = "story-bands";

  /** Store: story id -> {@link StoryState} (centroid, names, size). */
  public static final String STORY_STATE = "story-states";

  /** Store: word hash -> decayed document frequency ({@link WordRarity}). */
  public static final String WORD_COUNTS = "story-word-counts";

  /**
   * Articles a story holds at most; a further look-alike starts a story of its own. Real events
   * seldom reach it within a window; a template that slipped past every other rule cannot absorb a
   * day of wire copy.
   */
  public static final int MAX_ARTICLES = 100;

  /** Share of the similarity threshold an article needs when it names the story's subject. */
  static final double AGREEING_FACTOR = 0.6;

  /**
   * How long after a story's latest report agreeing names lower the threshold: a day. A follow-up
   * (the target's reply, the raised bid, the rating agency's action) follows the story's latest
   * turn, not its first report.
   */
  static final long AGREEING_WINDOW_MILLIS = 24L * 60 * 60 * 1000;

  /**
   * Rarity weight ({@link WordRarity}) a shared headline subject word needs to count as agreeing
   * names: 3, a word in at most about one report in twenty of recent copy. "U.S." (weight about
   * 1.8) or "Japan" heads too many headlines to say two reports share a subject; "Navistar" (5.8)
   * says it.
   */
  static final double TELLING_NAME_WEIGHT = 3.0;

  /**
   * How long a story may have been quiet (since its latest report) and still take an article that
   * is not a re-run of it: a day and a half. The next issue of a daily report ("TREASURY BALANCES
   * AT FED ROSE ON MARCH 31", the next day's slaughter estimates) resembles yesterday's as closely
   * as a follow-up does; on the tuning sets, three joins in four made after such a silence were
   * wrong.
   */
  static final long QUIET_MILLIS = 36L * 60 * 60 * 1000;

  /** Similarity at which an article is a re-run of a story: it joins however quiet the story. */
  static final double RERUN_SIMILARITY = 0.9;

  /**
   * How long after a story's start agreeing names can lower the threshold at all: two days, the
   * span within which follow-ups of one event are one story. Without it a subject in the news every
   * day (a minister's statements) could chain into one story for as long as the story is open.
   */
  static final long AGREEING_SPAN_MILLIS = 48L * 60 * 60 * 1000;

  /** Articles remembered per band; older ones drop out, so a popular band costs no more. */
  static final int BAND_CAPACITY = 5;

  /**
   * Articles with fewer distinct content words are too short to compare ("Sunny", "Warm."): each is
   * a story of its own and is not indexed. A wire flash of three to five words ("PARKER DRILLING
   * SUSPENDS QUARTERLY DIVIDEND") is compared: its item follows within minutes.
   */
  public static final int MIN_WORDS = 3;

  /**
   * Headline words, the rarest first, under which an article is also indexed and looks for
   * candidates: a flash of five words and its item of fifty share too small a part of their words
   * for a MinHash band, but their headlines share the company's or the event's rarest word.
   */
  static final int HEADLINE_KEYS = 3;

  /**
   * A side with at most this many words (a headline-only flash, or a story that holds only one) is
   * compared by {@linkplain StoryState#containment containment}, not only by cosine.
   */
  static final int SHORT_WORDS = 12;

  /**
   * Share of the short side's rarity weight the other side must hold for a flash to join its item
   * (or an item its flash) whatever the cosine: a flash says in five words what its item says in
   * fifty.
   */
  static final double CONTAINED = 0.75;

  /** How long after a story's latest report a contained flash or item may join it: 12 hours. */
  static final long CONTAINED_WINDOW_MILLIS = 12L * 60 * 60 * 1000;

  private final KeyValueStore<String, String> stories;
  private final KeyValueStore<String, byte[]> signatures;
  private final KeyValueStore<String, byte[]> bands;
  private final KeyValueStore<String, byte[]> states;
  private final WordRarity rarity;
  private final StoryRules rules;

  /**
   * Articles a {@link #storyOf} cache holds, and story states a {@link #state} cache holds: each
   * article leads to dozens of candidates and their stories, most of them read for the articles
   * before too, and each read was a RocksDB get and a decode (the story task's thread is enrich's
   * bottleneck).
   */
  static final int CACHED_ARTICLES = 50_000;

  static final int CACHED_STATES = 5_000;

  /** Band and name keys whose article lists a cache holds: each article reads about 35. */
  static final int CACHED_BANDS = 50_000;

  // The story of each recently indexed or read article, as its signature entry holds it; only
  // entries that exist are cached (computeIfAbsent keeps no null), and every change of the
  // signature store goes through here.
  private final Map<String, Story> storyCache = lru(CACHED_ARTICLES);
  // Decoded story states, likewise: written through by every put, cleared by the purge.
  private final Map<String, StoryState> stateCache = lru(CACHED_STATES);
  // The article ids under recently read or written band keys, likewise.
  private final Map<String, List<String>> bandCache = lru(CACHED_BANDS);

  public StoryIndex(
      KeyValueStore<String, String> stories,
      KeyValueStore<String, byte[]> signatures,
      KeyValueStore<String, byte[]> bands,
      KeyValueStore<String, byte[]> states,
      KeyValueStore<String, byte[]> wordCounts,
      StoryRules rules) {
    this.stories = Objects.requireNonNull(stories, "stories");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.bands = Objects.requireNonNull(bands, "bands");
    this.states = Objects.requireNonNull(states, "states");
    this.rarity = new WordRarity(Objects.requireNonNull(wordCounts, "wordCounts"));
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * Why an article got its story: the story, an article of it that led there (sharing a MinHash
   * band), and the similarity with the story's centroid.
   */
  public record Match(Story story, String articleId, double similarity) {

    public String storyId() {
      return story.id();
    }
  }

  /** A story: its id (the id of its first article) and start (that article's publication). */
  public record Story(String id, long start) {

    String encode() {
      return start + " " + id;
    }

    static Story decode(String value) {
      if (value == null) {
        return null;
      }
      int space = value.indexOf(' ');
      if (space < 0) {
        throw new IllegalStateException(
            STORIES
                + " store holds '"
                + value
                + "', not '<start> <story id>': reset the enrich application (its state is"
                + " rebuilt from news.articles.raw)");
      }
      return new Story(value.substring(space + 1), Long.parseLong(value.substring(0, space)));
    }
  }

  /**
   * The story of an article version: the one it already has (a later version keeps its story
   * whatever it now says), else the open story whose centroid it resembles most (see the class
   * comment), else a new story named after the article itself. The version is (re)indexed under
   * that story; a new article also counts towards word rarity and its story's centroid.
   *
   * @param names the article's {@link StoryNames}
   * @param published publication time, epoch millis
   * @param now wall-clock time, epoch millis, for forgetting the entry later
   * @return the story id and, when the article joined an existing story, the match that decided it
   */
  public Assignment assign(
      String id, StorySignature signature, StoryNames names, long published, long now) {
    return assign(id, signature, names, List.of(), Set.of(), () -> false, published, now);
  }

  /**
   * As {@link #assign(String, StorySignature, StoryNames, long, long)}, with the article's headline
   * words ({@link StoryText#words} of the headline alone), whose {@value #HEADLINE_KEYS} rarest are
   * keys of the index too, and for an article that may follow up a release of the company it names
   * ({@link StoryText#followsUp}): such an article joins the open story of that company (the same
   * ticker or headline subject, within {@link #AGREEING_WINDOW_MILLIS} of its latest report and
   * {@link #AGREEING_SPAN_MILLIS} of its start) however differently it is worded; among several,
   * the most similar. {@code followsUp} is asked at most once, and only when such a story is below
   * the bar (reading a whole body costs more than the rest of the story stage).
   */
  public Assignment assign(
      String id,
      StorySignature signature,
      StoryNames names,
      List<String> headline,
      Set<String> headlineNames,
      BooleanSupplier followsUp,
      long published,
      long now) {
    Map<String, List<String>> buckets = buckets(signature, names);
    Story story = Story.decode(stories.get(id));
    Match match = null;
    if (story == null) {
      long[] words = signature.hashes();
      double[] weights = rarity.countAndWeigh(words, published);
      boolean payout = StoryText.announcesPayout(headline);
      long[] placed = StorySignature.ofWords(List.copyOf(headlineNames)).hashes();
      if (!buckets.isEmpty()) {
        // A later version keeps its story and the headline keys of its first version.
        for (String word : rarest(headline, words, weights)) {
          buckets.put("h:" + word, band("h:" + word));
        }
      }
      StoryState joined = null;
      if (!buckets.isEmpty()) {
        match =
            closest(id, words, weights, names, payout, placed, once(followsUp), published, buckets)
                .orElse(null);
      }
      if (match == null) {
        story = new Story(id, published);
        if (!buckets.isEmpty()) {
          joined = StoryState.first(id, published, now, names, words, weights, payout, placed);
        }
      } else {
        story = match.story();
        joined = state(story.id()).plus(now, published, names, words, weights);
      }
      if (joined != null) {
        putState(joined);
      }
      stories.put(id, story.encode());
    }
    index(id, story, signature, published, now, buckets);
    return new Assignment(story.id(), match);
  }

  // The HEADLINE_KEYS headline words of greatest rarity weight; equal weights by the word itself.
  private static List<String> rarest(List<String> headline, long[] words, double[] weights) {
    Map<String, Double> weight = new HashMap<>();
    for (String word : headline) {
      int i = Arrays.binarySearch(words, StorySignature.hash(word));
      weight.put(word, i >= 0 ? weights[i] : 0.0);
    }
    List<String> ranked = new ArrayList<>(weight.keySet());
    ranked.sort(
        Comparator.comparingDouble((String word) -> -weight.get(word))
            .thenComparing(Comparator.naturalOrder()));
    return ranked.subList(0, Math.min(HEADLINE_KEYS, ranked.size()));
  }

  /**
   * The article ids under each band key of the signature and each name key (read once, used twice).
   * Names are keys too ({@code t:<ticker>}, {@code c:<company word>}, {@code s:<headline subject
   * word>}), so that a report of the same company in other words is a candidate even when it shares
   * no MinHash band; whether it joins is decided as for any candidate.
   */
  private Map<String, List<String>> buckets(StorySignature signature, StoryNames names) {
    if (signature.size() < MIN_WORDS) {
      return Map.of();
    }
    Map<String, List<String>> buckets = new LinkedHashMap<>();
    for (String band : signature.bandKeys()) {
      buckets.put(band, band(band));
    }
    for (String key : nameKeys(names)) {
      buckets.put(key, band(key));
    }
    return buckets;
  }

  // Tickers and headline subjects name an article's subject; company words only when neither does.
  private static List<String> nameKeys(StoryNames names) {
    List<String> keys = new ArrayList<>();
    names.tickers().forEach(t -> keys.add("t:" + t));
    names.subjects().forEach(s -> keys.add("s:" + s));
    if (keys.isEmpty()) {
      names.companies().forEach(c -> keys.add("c:" + c));
    }
    return keys;
  }

  /** A story id and, if the article joined an existing story just now, the match. */
  public record Assignment(String storyId, Match match) {}

  /**
   * A withdrawal: the article keeps its story (null if it never had one) but leaves the similarity
   * index, so nothing new joins a story because it resembles a withdrawn article.
   */
  public String withdraw(String id) {
    deleteSignature(id);
    Story story = Story.decode(stories.get(id));
    return story == null ? null : story.id();
  }

  /**
   * The open story whose centroid is most similar, at or above the threshold, among the stories of
   * the articles that share a band with this one. A story is open while it started within the
   * window of {@code published} (either side: a bulk import need not come in order) and holds fewer
   * than {@value #MAX_ARTICLES} articles; it is closed to an article that names other companies,
   * tickers or people than it does. Measuring from the story's start, not from its latest article,
   * keeps a chain of look-alikes (daily market reports) from growing one story for ever.
   */
  private Optional<Match> closest(
      String id,
      long[] words,
      double[] weights,
      StoryNames names,
      boolean payout,
      long[] headlineNames,
      BooleanSupplier followsUp,
      long published,
      Map<String, List<String>> buckets) {
    long window = rules.window().toMillis();
    Set<String> seen = new HashSet<>();
    seen.add(id);
    Map<String, String> storyVia =
        new LinkedHashMap<>(); // story id -> first candidate leading there
    for (List<String> bucket : buckets.values()) {
      for (String candidate : bucket) {
        if (!seen.add(candidate)) {
          continue;
        }
        Story story = storyOf(candidate);
        if (story != null && Math.abs(story.start() - published) <= window) {
          storyVia.putIfAbsent(story.id(), candidate);
        }
      }
    }
    Match best = null;
    for (Map.Entry<String, String> candidate : storyVia.entrySet()) {
      StoryState state = state(candidate.getKey());
      if (closed(state, names, headlineNames, words)) {
        continue;
      }
      double similarity = state.similarity(words, weights);
      if (similarity < rules.similarity()
          && Math.min(words.length, state.words().length) <= SHORT_WORDS
          && Math.abs(published - state.latest()) <= CONTAINED_WINDOW_MILLIS
          && state.containment(words, weights) >= CONTAINED) {
        similarity = rules.similarity(); // a flash and its item: joins as if at the bar
      }
      if (Math.abs(published - state.latest()) > QUIET_MILLIS && similarity < RERUN_SIMILARITY) {
        continue; // the story went quiet: only a re-run of it joins now
      }
      Match match =
          new Match(new Story(state.id(), state.start()), candidate.getValue(), similarity);
      if (similarity
              >= threshold(state, names, payout, similarity, followsUp, published, words, weights)
          && (best == null || better(match, best))) {
        best = match;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The similarity an article needs to join a story: {@link StoryRules#similarity()}, or {@value
   * #AGREEING_FACTOR} of it when the article and the story name the same company, by ticker or by a
   * headline subject word of at least {@value #TELLING_NAME_WEIGHT} rarity weight (and none that
   * disagree, or it would not be asked), and the article came within {@link
   * #AGREEING_WINDOW_MILLIS} of the story's latest report and {@link #AGREEING_SPAN_MILLIS} of its
   * start. Rare words found the candidate; agreeing names and time tell a differently worded report
   * of the same event from a look-alike. A shared person does not lower the bar: one official says
   * different things on one day, and on the tuning sets joins made only because a person agreed
   * were wrong three times in five. An article that {@linkplain StoryText#followsUp follows up} a
   * release needs no similarity at all with the story of the same company within those times. None
   * of this lowers the bar between a payout notice and a report that is none ({@link
   * StoryText#announcesPayout}): a company's dividend is an event of its own beside its results of
   * the same hour, though the dividend item may cite them.
   */
  private double threshold(
      StoryState state,
      StoryNames names,
      boolean payout,
      double similarity,
      BooleanSupplier followsUp,
      long published,
      long[] words,
      double[] weights) {
    if (payout == state.payout()
        && Math.abs(published - state.latest()) <= AGREEING_WINDOW_MILLIS
        && Math.abs(published - state.start()) <= AGREEING_SPAN_MILLIS
        && state.names().agreesOnCompany(names, word -> telling(word, words, weights))) {
      double agreeing = rules.similarity() * AGREEING_FACTOR;
      if (similarity < agreeing && followsUp.getAsBoolean()) {
        return 0; // it says it follows this company's release: the words need not match
      }
      return agreeing;
    }
    return rules.similarity();
  }

  // Whether a headline subject word weighs at least TELLING_NAME_WEIGHT in this article's words.
  private static boolean telling(String word, long[] words, double[] weights) {
    int i = Arrays.binarySearch(words, StorySignature.hash(word));
    return i >= 0 && weights[i] >= TELLING_NAME_WEIGHT;
  }

  // A story that is gone, full, or names another company, ticker, person, subject or place.
  private static boolean closed(
      StoryState state, StoryNames names, long[] headlineNames, long[] words) {
    return state == null
        || state.size() >= MAX_ARTICLES
        || state.names().conflicts(names)
        || state.names().subjectsConflict(names, state.words(), words)
        || headlineNamesConflict(state, headlineNames, names, words);
  }

  /**
   * Whether the story's headline and the article's each name something ({@link
   * StoryText#headlineNames}: a place, a body, a firm) the other's words never mention, and no
   * headline ticker is shared: the same template about two places or firms ("CCC ACCEPTS EXPORT
   * BONUS DAIRY CATTLE TO MOROCCO" and "... FOR CANARY ISLANDS", "HARRIS BANK INCREASES ITS PRIME
   * RATE" and "TCF BANKING ... HIKES PRIME RATE"). A headline ticker both carry is exact and
   * overrules a misspelt name ("CEASARS WORLD <CAW>").
   */
  private static boolean headlineNamesConflict(
      StoryState state, long[] headlineNames, StoryNames names, long[] words) {
    return state.headlineNames().length > 0
        && headlineNames.length > 0
        && Collections.disjoint(state.names().headlineTickers(), names.headlineTickers())
        && anyMissing(state.headlineNames(), words)
        && anyMissing(headlineNames, state.words());
  }

  // Whether some of the hashes is not among the ascending words.
  private static boolean anyMissing(long[] hashes, long[] ascendingWords) {
    for (long hash : hashes) {
      if (Arrays.binarySearch(ascendingWords, hash) < 0) {
        return true;
      }
    }
    return false;
  }

  // Asks the supplier at most once.
  private static BooleanSupplier once(BooleanSupplier supplier) {
    boolean[] asked = new boolean[1];
    boolean[] answer = new boolean[1];
    return () -> {
      if (!asked[0]) {
        answer[0] = supplier.getAsBoolean();
        asked[0] = true;
      }
      return answer[0];
    };
  }

  // Most similar first; on a tie the earlier story, then the smaller story id: never a matter of
  // which band happened to be read first.
  private static boolean better(Match match, Match best) {
    if (match.similarity() != best.similarity()) {
      return match.similarity() > best.similarity();
    }
    if (match.story().start() != best.story().start()) {
      return match.story().start() < best.story().start();
    }
    return match.storyId().compareTo(best.storyId()) < 0;
  }

  private void index(
      String id,
      Story story,
      StorySignature signature,
      long published,
      long now,
      Map<String, List<String>> buckets) {
    if (signature.size() < MIN_WORDS) {
      deleteSignature(id); // a version too short to compare replaces a longer one
      return;
    }
    signatures.put(id, new Entry(story, published, now, signature).encode());
    storyCache.put(id, story);
    for (Map.Entry<String, List<String>> bucket : buckets.entrySet()) {
      List<String> ids = new ArrayList<>(bucket.getValue());
      ids.remove(id);
      ids.add(id);
      if (ids.size() > BAND_CAPACITY) {
        ids.subList(0, ids.size() - BAND_CAPACITY).clear();
      }
      bands.put(bucket.getKey(), encodeIds(now, ids));
      bandCache.put(bucket.getKey(), List.copyOf(ids));
    }
  }

  /**
   * Forgets index entries last indexed before {@code now - window}. Story ids of articles are kept.
   *
   * @return entries removed (signatures and bands)
   */
  public int purge(long now) {
    long cutoff = now - rules.window().toMillis();
    storyCache.clear();
    stateCache.clear();
    bandCache.clear();
    return purge(signatures, cutoff)
        + purge(bands, cutoff)
        + purge(states, cutoff)
        + rarity.purge();
  }

  // All three value layouts start with the time indexed.
  private static int purge(KeyValueStore<String, byte[]> store, long cutoff) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> next = all.next();
        if (next.value == null || ByteBuffer.wrap(next.value).getLong() < cutoff) {
          expired.add(next.key);
        }
      }
    }
    expired.forEach(store::delete);
    return expired.size();
  }

  /** The story of an indexed article (null when its signature entry is gone), cached. */
  private Story storyOf(String articleId) {
    return storyCache.computeIfAbsent(articleId, id -> Entry.story(signatures.get(id)));
  }

  /** The article ids under a band or name key (empty when none), cached. */
  private List<String> band(String key) {
    List<String> ids = bandCache.get(key);
    if (ids == null) {
      ids = List.copyOf(ids(bands.get(key)));
      if (!ids.isEmpty()) {
        bandCache.put(key, ids);
      }
    }
    return ids;
  }

  private void deleteSignature(String articleId) {
    signatures.delete(articleId);
    storyCache.remove(articleId);
  }

  /** A story's state (null when there is none), cached. */
  private StoryState state(String storyId) {
    return stateCache.computeIfAbsent(storyId, id -> StoryState.decode(states.get(id)));
  }

  private void putState(StoryState state) {
    states.put(state.id(), state.encode());
    stateCache.put(state.id(), state); // decode(encode(s)) equals s: StoryStateTest
  }

  // Least recently used entries leave first once the map holds more than max (WordRarity too).
  static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  private static byte[] encodeIds(long indexed, List<String> ids) {
    List<byte[]> encoded = ids.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    int size = Long.BYTES + Integer.BYTES;
    for (byte[] e : encoded) {
      size += Integer.BYTES + e.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).putLong(indexed).putInt(encoded.size());
    for (byte[] e : encoded) {
      buffer.putInt(e.length).put(e);
    }
    return buffer.array();
  }

  private static List<String> ids(byte[] value) {
    if (value == null) {
      return List.of();
    }
    ByteBuffer buffer = ByteBuffer.wrap(value);
    buffer.getLong();
    int n = buffer.getInt();
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(readString(buffer));
    }
    return ids;
  }

  private static String readString(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.getInt()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A signature entry: indexed (wall clock), published, story, word hashes. */
  private record Entry(Story story, long published, long indexed, StorySignature signature) {

    byte[] encode() {
      byte[] id = story.id().getBytes(StandardCharsets.UTF_8);
      long[] hashes = signature.hashes();
      ByteBuffer buffer =
          ByteBuffer.allocate(
              3 * Long.BYTES + 2 * Integer.BYTES + id.length + hashes.length * Long.BYTES);
      buffer.putLong(indexed).putLong(published).putLong(story.start());
      buffer.putInt(id.length).put(id);
      buffer.putInt(hashes.length);
      for (long h : hashes) {
        buffer.putLong(h);
      }
      return buffer.array();
    }

    /** Only the story of an entry (null for none), without decoding its word hashes. */
    static Story story(byte[] value) {
      if (value == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(value);
      buffer.position(2 * Long.BYTES);
      long start = buffer.getLong();
      return new Story(readString(buffer), start);
    }
  }
}
