package io.newspipe.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an article is about, as far as its headline and lead say so plainly: stock tickers ({@code
 * <XYZ>}, {@code (XYZ.N)}, {@code (NYSE: XYZ)}), companies (a name in angle brackets, as Reuters
 * marks them, or capitalised words before a company suffix: "Pan Am Corp"; kept as their
 * distinctive words, so that two spellings of one name agree) and people (a surname after a title:
 * "Mr Blair", "Finance Minister Kiichi Miyazawa"). Two reports that both name tickers, companies or
 * people, but none in common, are about different subjects however alike their wording ("X sets
 * quarterly dividend", "Y sets quarterly dividend"): story clustering never joins them ({@link
 * #conflicts}).
 *
 * <p>Only the headline, sub-headline and the first {@value #LEAD_CHARS} characters of the body are
 * read: names deep in a report are context (a quote, a comparison), not its subject. The headline's
 * own tickers ({@link #headlineTickers}) and, in an all-capitals headline, its subject ({@link
 * #subjects}, see {@link StoryText#subject}) say most plainly whom a report is about: a flash such
 * as "SUN RAISES CRUDE OIL POSTINGS" names its company no other way.
 */
public record StoryNames(
    Set<String> tickers,
    Set<String> companies,
    Set<String> people,
    Set<String> subjects,
    Set<String> headlineTickers) {

  /** Characters of the body read for names. */
  public static final int LEAD_CHARS = 400;

  /** Names of each kind kept for a story; further ones are dropped (a story's subject is few). */
  public static final int MAX_PER_KIND = 24;

  /** No names: conflicts with nothing. */
  public static final StoryNames NONE =
      new StoryNames(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  // Marks headline subjects and headline tickers in the stored form (see #marked).
  private static final String SUBJECT_MARK = "^";

  private static final Pattern BRACKETED = Pattern.compile("<([^<>\\n]{1,60})>");
  private static final Pattern UPPER_TICKER =
      Pattern.compile("[A-Z][A-Z0-9]{0,6}(?:\\.[A-Z]{1,2})?");
  // "<ERIC ST>", "<BP L>": a ticker and the code of its exchange, as Reuters marks foreign
  // listings.
  private static final Pattern EXCHANGE_CODED_TICKER =
      Pattern.compile("([A-Z][A-Z0-9]{0,6}) [A-Z]{1,2}");
  private static final Pattern DOTTED_TICKER =
      Pattern.compile("\\(([A-Z][A-Z0-9]{0,6}\\.[A-Z]{1,3})\\)");
  private static final Pattern EXCHANGE_TICKER =
      Pattern.compile(
          "\\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX|HKEX)\\s*:\\s*([A-Z][A-Z0-9.]{0,7})\\)");
  private static final String CAPITALISED = "[A-Z][A-Za-z&'\\-]*\\.?";
  private static final Pattern COMPANY =
      Pattern.compile(
          "((?:"
              + CAPITALISED
              + "\\s+){1,4})(?:Inc|Incorporated|Corp|Corporation|Co|Cos|Ltd|Limited|Plc|PLC|LLC"
              + "|AG|SA|NV|N\\.V\\.|SpA|GmbH|Holdings|Group|Bancorp)\\b");
  // Every title starts with a capital: the lookahead lets find() skip the other positions at
  // once instead of trying each title there (same matches; 4-5x faster on BBC leads).
  private static final Pattern PERSON =
      Pattern.compile(
          "(?=[A-Z])\\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|President|Premier|Chancellor|Senator|Sen|Rep"
              + "|Governor|Gov|Minister|Secretary|Chairman|Chairwoman|King|Queen|Prince|Princess"
              + "|Pope|General|Gen|Judge|Justice|Mayor|Ambassador)\\.?\\s+"
              + "((?:[A-Z][a-z']+(?:-[A-Z][a-z']+)?\\s+){0,2}[A-Z][a-z']+(?:-[A-Z][a-z']+)?)");
  private static final Pattern POSSESSIVE = Pattern.compile("'s?$");
  private static final Set<String> NOT_A_SURNAME =
      Set.of("of", "and", "the", "said", "for", "in", "on", "to");

  public StoryNames {
    tickers = Collections.unmodifiableSet(new TreeSet<>(tickers));
    companies = Collections.unmodifiableSet(new TreeSet<>(companies));
    people = Collections.unmodifiableSet(new TreeSet<>(people));
    subjects = Collections.unmodifiableSet(new TreeSet<>(subjects));
    headlineTickers = Collections.unmodifiableSet(new TreeSet<>(headlineTickers));
  }

  /** Names without a headline subject. */
  public StoryNames(Set<String> tickers, Set<String> companies, Set<String> people) {
    this(tickers, companies, people, Set.of(), Set.of());
  }

  /** The names of headline, sub-headline (may be null) and lead. */
  public static StoryNames of(String headline, String subheadline, String body) {
    String lead = body == null ? "" : body.substring(0, Math.min(body.length(), LEAD_CHARS));
    String text =
        (headline == null ? "" : headline)
            + "\n"
            + (subheadline == null ? "" : subheadline)
            + "\n"
            + lead;
    Set<String> tickers = new TreeSet<>(tickers(text));
    Set<String> companies = new TreeSet<>();
    Matcher bracketed = BRACKETED.matcher(text);
    while (bracketed.find()) {
      String inside = bracketed.group(1).strip();
      if (!UPPER_TICKER.matcher(inside).matches()
          && !EXCHANGE_CODED_TICKER.matcher(inside).matches()) {
        addCompany(companies, inside);
      }
    }
    // Capitalised words say nothing in an all-capitals headline: read companies from mixed case.
    for (String part : new String[] {headline, subheadline, lead}) {
      if (part != null && !part.equals(part.toUpperCase(Locale.ROOT))) {
        Matcher company = COMPANY.matcher(part);
        while (company.find()) {
          addCompany(companies, company.group(1));
        }
      }
    }
    Set<String> people = new TreeSet<>();
    Matcher person = PERSON.matcher(text);
    while (person.find()) {
      String[] words = person.group(1).split("\\s+");
      // "Mr Reagan's" and "Mr Reagan" name one man; "Kilroy-Silk" is one surname.
      String surname =
          POSSESSIVE.matcher(words[words.length - 1].toLowerCase(Locale.ROOT)).replaceFirst("");
      // "General Electric Co", "General Motors Corp": a title word starting a company's name.
      if (!NOT_A_SURNAME.contains(surname) && !COMPANY_NOISE.contains(surname)) {
        people.add(surname);
      }
    }
    people.removeAll(companies); // "General Mills Inc": a company's word after a title
    return new StoryNames(
        cap(tickers),
        cap(companies),
        cap(people),
        new TreeSet<>(StoryText.subject(headline)),
        cap(headline == null ? Set.of() : tickers(headline)));
  }

  /** The ticker marks of a text: {@code <XYZ>} (Reuters), {@code (XYZ.N)}, {@code (NYSE: XYZ)}. */
  public static Set<String> tickers(String text) {
    Set<String> tickers = new TreeSet<>();
    Matcher bracketed = BRACKETED.matcher(text);
    while (bracketed.find()) {
      String inside = bracketed.group(1).strip();
      if (UPPER_TICKER.matcher(inside).matches()) {
        tickers.add(inside);
      } else {
        Matcher coded = EXCHANGE_CODED_TICKER.matcher(inside);
        if (coded.matches()) {
          tickers.add(coded.group(1));
        }
      }
    }
    for (Pattern pattern : new Pattern[] {DOTTED_TICKER, EXCHANGE_TICKER}) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        tickers.add(m.group(1));
      }
    }
    return tickers;
  }

  // A company is kept as its distinctive words, so that "Taiwan's Formosa Silicon" and "Formosa
  // Silicon Corp" agree: they share a word. Words many company names carry do not count, nor
  // are they a surname ("General Electric Co" is no person).
  private static void addCompany(Set<String> companies, String name) {
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}&]+")) {
      if (word.length() >= 3 && !COMPANY_NOISE.contains(word)) {
        companies.add(word);
      }
    }
  }

  private static final Set<String> COMPANY_NOISE =
      Set.of(
          "the",
          "and",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "cos",
          "ltd",
          "limited",
          "plc",
          "llc",
          "spa",
          "gmbh",
          "holdings",
          "holding",
          "group",
          "bancorp",
          "american",
          "national",
          "first",
          "international",
          "general",
          "united",
          "financial",
          "bank",
          "banks",
          "trust",
          "savings",
          "federal",
          "industries",
          "energy",
          "resources",
          "capital",
          "company",
          "companies",
          "fund",
          "income",
          "partners",
          "systems",
          "services",
          "technologies",
          "investment",
          "investors",
          "securities",
          "mutual",
          "new");

  private static Set<String> cap(Set<String> names) {
    if (names.size() <= MAX_PER_KIND) {
      return names;
    }
    return new TreeSet<>(new ArrayList<>(names).subList(0, MAX_PER_KIND));
  }

  /**
   * Whether the two name different subjects: for some kind (tickers, companies, people) both name
   * at least one and they share none. When both headlines carry tickers, the headline tickers
   * decide (a ticker in a lead may be one the report only mentions: "... said Texas Air Corp <TEX>
   * ..."); when both carry tickers, tickers decide for companies (a ticker is exact, a company read
   * from a lead may be context). Two spellings of one company's ticker are the same ticker when the
   * reports also name one company ({@link #sharesTicker}).
   */
  public boolean conflicts(StoryNames other) {
    boolean byHeadline = !headlineTickers.isEmpty() && !other.headlineTickers.isEmpty();
    boolean byTicker = !tickers.isEmpty() && !other.tickers.isEmpty();
    boolean differ =
        byHeadline
            ? !sharesTicker(headlineTickers, other.headlineTickers, other)
            : byTicker
                ? !sharesTicker(tickers, other.tickers, other)
                : disjoint(companies, other.companies);
    return differ || disjoint(people, other.people);
  }

  /**
   * Whether some ticker of {@code mine} and some of {@code theirs} mark one company's stock: the
   * same ticker, or two spellings of one while the two reports also name one company (the company
   * or headline subject words of one are all among the other's). Exchanges write share classes and
   * special listings as variants ({@code RA} and {@code RAA}, {@code TOW} and {@code QTOW} in
   * bankruptcy, {@code ERIC} and its ADR {@code ERICY}), and a corrected item may fix a ticker by
   * one letter ({@code FBT} to {@code FBO}); the shared name keeps two companies whose tickers
   * merely look alike ({@code GE}, {@code GEC}) apart.
   */
  private boolean sharesTicker(Set<String> mine, Set<String> theirs, StoryNames other) {
    if (mine.isEmpty() || theirs.isEmpty()) {
      return false;
    }
    if (!Collections.disjoint(mine, theirs)) {
      return true;
    }
    if (!sameName(companies, other.companies) && !sameName(subjects, other.subjects)) {
      return false;
    }
    for (String a : mine) {
      for (String b : theirs) {
        if (variants(a, b) || oneLetterApart(a, b)) {
          return true;
        }
      }
    }
    return false;
  }

  // Both name one: the same words, or two or more words of one all among the other's ("FAR WEST
  // FINANCIAL"), not just a word many names share ("CENTRAL MAINE POWER", "MONTANA POWER").
  private static boolean sameName(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    // One word among more is too little: "Texas" in "Texas Eastern" and "Texas International".
    return smaller.equals(larger) || (smaller.size() >= 2 && larger.containsAll(smaller));
  }

  // One is the other with up to two letters before or after it (the shorter of two or more), or
  // with an exchange's suffix ("SKPS", "SKPS.ST").
  static boolean variants(String a, String b) {
    if (withoutExchange(a).equals(withoutExchange(b))) {
      return true;
    }
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return shorter.length() >= 2
        && longer.length() > shorter.length()
        && longer.length() - shorter.length() <= 2
        && (longer.startsWith(shorter) || longer.endsWith(shorter));
  }

  private static String withoutExchange(String ticker) {
    int dot = ticker.indexOf('.');
    return dot < 0 ? ticker : ticker.substring(0, dot);
  }

  // Same length (three or more), one letter different.
  static boolean oneLetterApart(String a, String b) {
    if (a.length() != b.length() || a.length() < 3) {
      return false;
    }
    int differences = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        differences++;
      }
    }
    return differences == 1;
  }

  /**
   * Whether the two name the same subject: for some kind (tickers, companies, people, headline
   * subjects) they share a name.
   */
  public boolean agrees(StoryNames other) {
    return agreesOnCompany(other) || shares(people, other.people);
  }

  /**
   * Whether the two name the same company: a ticker or a headline subject (see {@link #agrees}).
   */
  public boolean agreesOnCompany(StoryNames other) {
    return agreesOnCompany(other, word -> true);
  }

  /**
   * As {@link #agreesOnCompany(StoryNames)}, counting a shared headline subject only through a word
   * {@code telling} accepts (story clustering: a word rare in recent copy; "U.S." or "Japan" heads
   * too many headlines to say two reports are about one subject). Tickers always count.
   */
  public boolean agreesOnCompany(StoryNames other, Predicate<String> telling) {
    boolean byHeadline = !headlineTickers.isEmpty() && !other.headlineTickers.isEmpty();
    return (byHeadline
            ? sharesTicker(headlineTickers, other.headlineTickers, other)
            : sharesTicker(tickers, other.tickers, other))
        || shares(subjects, other.subjects, telling);
  }

  private static boolean shares(Set<String> a, Set<String> b, Predicate<String> telling) {
    for (String word : a) {
      if (b.contains(word) && telling.test(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean shares(Set<String> a, Set<String> b) {
    return shares(a, b, word -> true);
  }

  /**
   * Whether headline subjects ({@link StoryText#subject}) say the two are about different subjects:
   * both have one, each has words the other lacks, and neither text mentions those words of the
   * other ({@code words} are the word hashes of this side's text, {@code otherWords} of the
   * other's, both ascending). "SUN RAISES CRUDE POSTINGS" and "MURPHY RAISES CRUDE POSTINGS"
   * conflict, and so do "PEORIA HOGS SEEN STEADY" and "OMAHA HOGS SEEN STEADY"; "TEXACO CANADA CUTS
   * …" and "TEXACO CANADA LOWERS …" do not, nor do "JAPAN ALERTS GATT TO SOUTH KOREA PLAN" and
   * "S.KOREA SAYS JAPAN COMPLAINS TO GATT": each names the other's subject. Nor do two headlines
   * that carry the same ticker: the ticker is exact, subjects are read from spellings ("PREFERRED
   * HEALTHCARE" and "PREFERRED HEALTH CARE", "TALKING POINT/BANKAMERICA <BAC>" and "ECONOMIC
   * SPOTLIGHT - BANKAMERICA <BAC>").
   */
  public boolean subjectsConflict(StoryNames other, long[] words, long[] otherWords) {
    if (subjects.isEmpty()
        || other.subjects.isEmpty()
        || sharesTicker(headlineTickers, other.headlineTickers, other)) {
      return false;
    }
    Set<String> mine = new TreeSet<>(subjects);
    mine.removeAll(other.subjects);
    Set<String> theirs = new TreeSet<>(other.subjects);
    theirs.removeAll(subjects);
    if (mine.isEmpty() || theirs.isEmpty()) {
      return false;
    }
    return !mentionsAny(otherWords, mine) && !mentionsAny(words, theirs);
  }

  private static boolean mentionsAny(long[] sortedHashes, Set<String> subject) {
    for (String word : subject) {
      if (Arrays.binarySearch(sortedHashes, StorySignature.hash(word)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    return !a.isEmpty() && !b.isEmpty() && Collections.disjoint(a, b);
  }

  /**
   * The names of both (a story's names once an article joins it), at most {@value #MAX_PER_KIND} a
   * kind.
   */
  public StoryNames union(StoryNames other) {
    return new StoryNames(
        cap(merge(tickers, other.tickers)),
        cap(merge(companies, other.companies)),
        cap(merge(people, other.people)),
        cap(merge(subjects, other.subjects)),
        cap(merge(headlineTickers, other.headlineTickers)));
  }

  private static Set<String> merge(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Whether no name of any kind was found. */
  public boolean isEmpty() {
    return tickers.isEmpty() && companies.isEmpty() && people.isEmpty() && subjects.isEmpty();
  }

  void writeTo(ByteBuffer buffer) {
    for (Set<String> kind : List.of(storedTickers(), storedCompanies(), people)) {
      buffer.putInt(kind.size());
      for (String name : kind) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(utf8.length).put(utf8);
      }
    }
  }

  private Set<String> storedTickers() {
    return marked(tickers, headlineTickers);
  }

  private Set<String> storedCompanies() {
    return marked(companies, subjects);
  }

  // Subjects and headline tickers are stored among companies and tickers, marked, so a stored
  // story state keeps the layout it had before they were read.
  private static Set<String> marked(Set<String> plain, Set<String> marked) {
    if (marked.isEmpty()) {
      return plain;
    }
    Set<String> stored = new TreeSet<>(plain);
    marked.forEach(name -> stored.add(SUBJECT_MARK + name));
    return stored;
  }

  int encodedSize() {
    int size = 0;
    for (Set<String> kind : List.of(storedTickers(), storedCompanies(), people)) {
      size += Integer.BYTES;
      for (String name : kind) {
        size += Integer.BYTES + name.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return size;
  }

  static StoryNames readFrom(ByteBuffer buffer) {
    List<Set<String>> kinds = new ArrayList<>(3);
    for (int k = 0; k < 3; k++) {
      int n = buffer.getInt();
      Set<String> names = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        byte[] utf8 = new byte[buffer.getInt()];
        buffer.get(utf8);
        names.add(new String(utf8, StandardCharsets.UTF_8));
      }
      kinds.add(names);
    }
    Set<String> companies = new TreeSet<>();
    Set<String> subjects = new TreeSet<>();
    unmark(kinds.get(1), companies, subjects);
    Set<String> tickers = new TreeSet<>();
    Set<String> headlineTickers = new TreeSet<>();
    unmark(kinds.get(0), tickers, headlineTickers);
    return new StoryNames(tickers, companies, kinds.get(2), subjects, headlineTickers);
  }

  // Splits a stored kind into its plain and its marked names.
  private static void unmark(Set<String> stored, Set<String> plain, Set<String> marked) {
    for (String name : stored) {
      if (name.startsWith(SUBJECT_MARK)) {
        marked.add(name.substring(SUBJECT_MARK.length()));
      } else {
        plain.add(name);
      }
    }
  }
}
