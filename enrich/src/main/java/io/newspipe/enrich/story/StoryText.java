package io.newspipe.enrich.story;

import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that say what an article is about, for story clustering: the content words of the
 * headline, the sub-headline and the lead (the first {@value #LEAD_WORDS} words of the body).
 *
 * <p>Wire copy wraps every story in the same boilerplate, and two unrelated stories from one agency
 * must not look alike because of it, so before the words are taken:
 *
 * <ul>
 *   <li>a leading dateline or credit is cut from the body: "LONDON, June 3 (Reuters) - ", "(CNN) —
 *       ", "Reuters - ", "Tokyo (AFP) - ", "NEW YORK — " (a short prefix before a dash that holds a
 *       parenthesised credit, an all-capitals place or an agency name);
 *   <li>headline flags and outlet suffixes are cut: "UPDATE 2-", "EXCLUSIVE-", " - BBC News";
 *   <li>function words, reporting verbs ("said", "told"), weekdays, agency names, company suffixes
 *       ("Inc", "Corp") and results-table abbreviations ("shr", "cts", "vs") are dropped.
 * </ul>
 *
 * Words are normalised by the tagger's {@link Tokenizer} (case, accents, simple plurals), so
 * "Earthquakes" and "earthquake" are one word.
 */
public final class StoryText {

  /** Words of the body that count as the lead. */
  public static final int LEAD_WORDS = 40;

  private static final int MAX_CREDIT_CHARS = 100;
  private static final int MAX_CREDIT_WORDS = 10;

  private static final Set<String> AGENCIES =
      normalised(
          "reuters reuter ap afp cnn bbc upi dpa xinhua tass efe ansa kyodo yonhap aap ani pti"
              + " ians bernama anadolu bloomberg prnewswire newswire");

  private static final Set<String> STOPWORDS =
      normalised(
          "a about above after again against all also am an and any are as at be because been"
              + " before being below between both but by can could did do does doing down during"
              + " each few for from further had has have having he her here hers herself him"
              + " himself his how i if in into is it its itself just me more most my myself no"
              + " nor not now of off on once only or other our ours ourselves out over own same"
              + " she should so some such than that the their theirs them themselves then there"
              + " these they this those through to too under until up very was we were what"
              + " when where which while who whom why will with would you your yours yourself"
              + " yourselves said say says saying told tell according added adding statement"
              + " spokesman spokeswoman spokesperson reported reporting reporters news agency"
              + " monday tuesday wednesday thursday friday saturday sunday today yesterday"
              + " tomorrow week year earlier later since last first new mr mrs ms s t per cent"
              + " percent pct one two three many much may might must shall vs versus"
              // business-wire furniture: company suffixes and the abbreviations of results tables
              + " inc corp co ltd plc llc ag sa nv mln bln dlr dlrs ct cts shr shrs qtr avg revs"
              + " oper");

  // " - ", " -- ", " – ", " — ", and a dash right after a closing parenthesis: "(CNN)—The".
  private static final Pattern CREDIT_DASH =
      Pattern.compile("\\s+(?:--?|[\u2013\u2014])\\s+|\\)\\s*(?:--?|[\u2013\u2014])\\s*|[\u2014]");

  private static final Pattern HEADLINE_FLAG =
      Pattern.compile(
          "^\\s*(?:(?:UPDATE|WRAPUP)\\s*\\d*|EXCLUSIVE|BREAKING(?:\\s+NEWS)?|CORRECTED|REFILE|RPT"
              + "|URGENT|FLASH|ALERT|ANALYSIS|FACTBOX|INSTANT VIEW|LIVE)\\s*[-:\u2013\u2014]\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HEADLINE_SUFFIX =
      Pattern.compile("\\s+[-|\u2013\u2014]\\s+([^-|\u2013\u2014]{1,40})$");

  private StoryText() {}

  /**
   * The distinct features of headline, sub-headline and lead, in order of first appearance: every
   * content word (stemmed), plus {@code "=" + word} for each number, so that numbers count twice.
   * Two reports of one event share their figures (the price, the toll, the magnitude); two
   * different earthquakes share the words that describe an earthquake. Names count once, like any
   * rare word: who speaks says less about which event than what is said (one minister's statements
   * of one day are different stories), and names already decide on their own whether two reports
   * may join at all ({@link StoryNames}).
   *
   * @param subheadline may be null
   */
  public static List<String> words(String headline, String subheadline, String body) {
    Set<String> words = new LinkedHashSet<>();
    String head = headlineText(headline == null ? "" : headline);
    addContent(words, head, Integer.MAX_VALUE);
    if (subheadline != null) {
      addContent(words, subheadline, Integer.MAX_VALUE);
    }
    addContent(words, withoutCredit(body == null ? "" : body), LEAD_WORDS);
    return List.copyOf(words);
  }

  /** Body words {@link #headlineNames} reads for capitals. */
  static final int NAME_LEAD_WORDS = 80;

  /**
   * The headline words ({@link #words} of the headline alone, as the caller already has them) that
   * the body's lead writes with a capital other than at a sentence's start: the names of places,
   * bodies and firms a headline is about ("CCC ACCEPTS EXPORT BONUS DAIRY CATTLE TO MOROCCO" ->
   * {@code morocco}, "BRAZIL CROP WEATHER SUMMARY" -> {@code brazil}). Empty when there is no body
   * or it is in capitals, where case says nothing.
   */
  public static Set<String> headlineNames(List<String> headlineWords, String body) {
    if (headlineWords.isEmpty() || body == null || body.isBlank()) {
      return Set.of();
    }
    Lead lead = lead(withoutCredit(body), NAME_LEAD_WORDS, text -> text);
    List<Token> tokens = lead.tokens();
    int n = tokens.size();
    if (n == 0 || capitals(lead.text().substring(0, tokens.get(n - 1).end()))) {
      return Set.of();
    }
    Set<String> capitalised = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Token token = tokens.get(i);
      if (!token.sentenceStart() && Character.isUpperCase(lead.text().charAt(token.start()))) {
        capitalised.add(stem(token.norm()));
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (String word : headlineWords) {
      if (capitalised.contains(word) && !Character.isDigit(word.charAt(0))) {
        names.add(word);
      }
    }
    return Set.copyOf(names);
  }

  /** Characters of a body {@link #followsUp} reads. */
  static final int FOLLOW_UP_CHARS = 2_000;

  // "Earlier, the company reported ...", "results announced earlier today", "Acme today reported
  // ...", "Acme Corp, reporting lower earnings for the quarter, said ...", "in a statement
  // accompanying its results": a report that refers back to a release. Matched on lower case;
  // every form holds one of FOLLOW_UP_WORDS, which a plain search finds first.
  private static final Pattern FOLLOW_UP =
      Pattern.compile(
          "\\bearlier,?\\s+(?:(?:today|this\\s+week|on\\s+\\w+),?\\s+)?(?:[\\w'.-]+\\s+){0,3}?"
              + "(?:reported|announced|posted|said\\s+it\\s+(?:had\\s+)?(?:earned|lost))\\b"
              + "|\\b(?:reported|announced|posted|released)\\s+(?:earlier|today|yesterday)\\b"
              + "|\\btoday\\s+(?:it\\s+)?reported\\b"
              + "|\\breporting\\s+(?:[\\w'-]+\\s+){0,4}?"
              + "(?:results|earnings|profits?|net|income|loss|losses|revenues?)\\b"
              + "|\\bstatement\\s+accompanying\\s+(?:its|their|the)\\s+results\\b");

  private static final List<String> FOLLOW_UP_WORDS =
      List.of("earlier", "today", "yesterday", "reporting", "accompanying");

  /**
   * Whether a body says it follows up a release made earlier ("Earlier, the company reported fourth
   * quarter net of ...", "results announced earlier today"): a company's commentary on its results,
   * worded nothing like the results table it refers to. Reads the first {@value #FOLLOW_UP_CHARS}
   * characters.
   */
  public static boolean followsUp(String body) {
    if (body == null || body.isEmpty()) {
      return false;
    }
    String text =
        body.substring(0, Math.min(body.length(), FOLLOW_UP_CHARS)).toLowerCase(Locale.ROOT);
    for (String word : FOLLOW_UP_WORDS) {
      if (text.contains(word)) {
        return FOLLOW_UP.matcher(text).find();
      }
    }
    return false;
  }

  /**
   * Whether a headline, as {@link #words} writes it, announces a payout: a dividend, a quarterly, a
   * stock split ("YORK FINANCIAL <YFED> DECLARES QTLY DIV", "GETTY PETROLEUM <GTY> SETS STOCK
   * DIVIDEND"). A company's payout is an event of its own beside its results or a deal announced
   * the same day, however the text ties them.
   */
  public static boolean announcesPayout(List<String> headlineWords) {
    for (String word : headlineWords) {
      if (PAYOUT_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Words a headline's subject may take before its verb. */
  static final int MAX_SUBJECT_WORDS = 4;

  // What ends a headline's subject: auxiliaries and the verbs wire headlines lead with.
  private static final Set<String> HEADLINE_VERBS =
      normalised(
          "to will may can could would should is are was were be has have had says said sees see"
              + " seen raises raise raised hikes hike lifts lift ups boosts boost cuts cut lowers"
              + " lower lowered reduces reduce reduced trims trim sets set posts posted gets get got"
              + " wins win won buys buy bought acquires acquire sells sell sold offers offer offered"
              + " agrees agree plans plan files file filed names named reports report reported"
              + " rises rise rose falls fall fell climbs drops drop declines decline confirms"
              + " confirm seeks seek makes make takes take expects expect declares declare pays pay"
              + " completes complete signs sign calls call asks ask urges urge denies deny opens"
              + " open closes close ends end starts start begins begin holds hold keeps keep"
              + " issues issue launches launch unveils unveil announces announce approves approve"
              + " rejects reject extends extend receives receive awarded awards award");

  /**
   * The subject of an all-capitals headline, as {@link #words} would write its words: the words
   * before its first verb ("SUN RAISES CRUDE OIL POSTINGS" -> {@code sun}; "TEXACO CANADA <TXC>
   * LOWERS ..." -> {@code texaco, canada}; a leading {@code <NAME IN BRACKETS>}: its words), at
   * most {@value #MAX_SUBJECT_WORDS} of them and without numbers. A flash names its company only
   * this way. Empty when the headline is not in capitals (nine letters in ten), has no such verb
   * early on, or starts with one.
   */
  public static List<String> subject(String headline) {
    if (headline == null) {
      return List.of();
    }
    String head = headlineText(headline).strip();
    if (!capitals(headline)) {
      Matcher company = LEADING_COMPANY.matcher(head);
      return company.lookingAt() ? nameWords(company.group(1)) : List.of();
    }
    Matcher bracketed = LEADING_NAME.matcher(head);
    if (bracketed.lookingAt()) { // "<FRANKLIN GOLD FUND> CUTS DIVIDEND": Reuters marks the name
      return nameWords(bracketed.group(1));
    }
    List<String> subject = subjectBeforeVerb(head);
    if (subject.isEmpty()) {
      Matcher company = LEADING_COMPANY.matcher(head);
      if (company.lookingAt()) { // "WAL-MART STORES INC 4TH QTR SHR 65 CTS VS 47 CTS"
        return nameWords(company.group(1));
      }
    }
    return subject;
  }

  // A name's words as {@link #words} writes them, without numbers.
  private static List<String> nameWords(String name) {
    List<String> subject = new ArrayList<>();
    for (Token token : Tokenizer.tokenize(name)) {
      String word = token.norm();
      if (!STOPWORDS.contains(word) && !Character.isDigit(word.charAt(0))) {
        subject.add(stem(word));
      }
    }
    return List.copyOf(subject);
  }

  // The words before the headline's first verb, if it has one early on (see #subject).
  private static List<String> subjectBeforeVerb(String head) {
    int mark = indexOfAny(head, "<(,:;");
    boolean marked = mark >= 0;
    List<Token> tokens = Tokenizer.tokenize(marked ? head.substring(0, mark) : head);
    List<String> subject = new ArrayList<>();
    int i = 0;
    for (; i < tokens.size() && i <= MAX_SUBJECT_WORDS; i++) {
      String word = tokens.get(i).norm();
      if (HEADLINE_VERBS.contains(word)) {
        break;
      }
      if (!STOPWORDS.contains(word) && !Character.isDigit(word.charAt(0))) {
        subject.add(stem(word));
      }
    }
    boolean ended = i < tokens.size() || (marked && i <= MAX_SUBJECT_WORDS);
    if (!ended || i == 0 || i > MAX_SUBJECT_WORDS) {
      return List.of();
    }
    return List.copyOf(subject);
  }

  // A headline that starts with a company's name and legal form: "CRA Ltd 1986 net profit ...".
  private static final Pattern LEADING_COMPANY =
      Pattern.compile(
          "((?:[A-Z][\\p{L}\\p{N}&'.\\-]*\\s+){1,4}?)"
              + "(?:INC|Inc|CORP|Corp|CO|Co|LTD|Ltd|PLC|Plc|LLC|AG|SA|NV|SPA|SpA|GMBH|GmbH"
              + "|INCORPORATED|Incorporated|CORPORATION|Corporation|LIMITED|Limited|BANCORP|Bancorp)"
              + "\\.?(?=\\s|$)");

  // In capitals, bar a unit or two ("... WTI TO 17.50 dlrs/bbl"): nine letters in ten upper case.
  private static boolean capitals(String text) {
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
      }
    }
    return letters > 0 && upper * 10 >= letters * 9;
  }

  // A company name in angle brackets at the start of a headline (a ticker has no space).
  private static final Pattern LEADING_NAME = Pattern.compile("<([^<>\\n]*\\s[^<>\\n]*)>");

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The headline without flags such as "UPDATE 2-" and outlet suffixes such as " - BBC News". */
  static String headlineText(String headline) {
    String text = HEADLINE_FLAG.matcher(headline).replaceFirst("");
    Matcher suffix = HEADLINE_SUFFIX.matcher(text);
    if (suffix.find() && namesOutlet(suffix.group(1))) {
      text = text.substring(0, suffix.start());
    }
    return text;
  }

  /** The body without a leading dateline or credit such as "LONDON, June 3 (Reuters) - ". */
  static String withoutCredit(String body) {
    String head =
        body.length() > MAX_CREDIT_CHARS + 4 ? body.substring(0, MAX_CREDIT_CHARS + 4) : body;
    Matcher dash = CREDIT_DASH.matcher(head);
    if (!dash.find() || dash.start() > MAX_CREDIT_CHARS) {
      return body;
    }
    String prefix = body.substring(0, dash.end()).strip();
    if (isCredit(prefix)) {
      return body.substring(dash.end());
    }
    return body;
  }

  private static boolean isCredit(String prefix) {
    if (prefix.contains(". ") || prefix.contains("? ") || prefix.contains("! ")) {
      return false; // a sentence, not a dateline
    }
    List<Token> tokens = Tokenizer.tokenize(prefix);
    if (tokens.isEmpty() || tokens.size() > MAX_CREDIT_WORDS) {
      return false;
    }
    boolean parenthesised = prefix.matches("(?s).*\\([^()]{1,40}\\).*") || prefix.contains("/");
    Token first = tokens.get(0);
    boolean capitalPlace = first.upperCase() && first.end() - first.start() >= 2;
    return parenthesised || capitalPlace || AGENCIES.contains(first.norm());
  }

  private static boolean namesOutlet(String suffix) {
    for (Token token : Tokenizer.tokenize(suffix)) {
      if (AGENCIES.contains(token.norm()) || token.norm().equals("news")) {
        return true;
      }
    }
    return false;
  }

  private static void addContent(Set<String> words, String raw, int limit) {
    Lead lead = lead(raw, limit, StoryText::numbersAsWords);
    String text = lead.text();
    for (Token token : lead.tokens()) {
      String word = token.norm();
      if (STOPWORDS.contains(word) || AGENCIES.contains(word)) {
        continue;
      }
      String stem = stem(word);
      words.add(stem);
      if (Character.isDigit(text.charAt(token.start()))) {
        words.add("=" + stem);
      }
    }
  }

  /** The first tokens of a text, and the text (as written for them) that their offsets index. */
  record Lead(String text, List<Token> tokens) {}

  /** Characters a word takes in news copy, with room to spare: the first guess of a lead's end. */
  static final int CHARS_PER_WORD = 12;

  /**
   * The first {@code n} tokens of {@code raw} as {@code writer} writes it, tokenizing only a prefix
   * long enough to hold them (doubled until it does): a story reads the first 40 or 80 words of a
   * body, and a 50 KB body need not be tokenized whole for them. The prefix ends before a
   * whitespace, so that no word is cut (a cut "1,234,567" would be written and read as two
   * numbers); the writers look no further than a word ({@link #numbersAsWords}).
   */
  static Lead lead(String raw, int n, UnaryOperator<String> writer) {
    long guess = ((long) n + 1) * CHARS_PER_WORD;
    while (true) {
      int length = wordEnd(raw, (int) Math.min(raw.length(), guess));
      String text = writer.apply(raw.substring(0, length));
      List<Token> tokens = Tokenizer.tokenize(text);
      if (tokens.size() >= n || length == raw.length()) {
        return new Lead(text, tokens.size() > n ? tokens.subList(0, n) : tokens);
      }
      guess = 2 * guess;
    }
  }

  // The first whitespace at or after from (or the text's end).
  private static int wordEnd(String text, int from) {
    int i = from;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Keeps a number one word, so that "5.5%" and "5.50%" meet and "2.50%" does not share "50" with
   * them: "6.8" -> {@code 6p8}, "5.50" -> {@code 5p5}, "12,000" -> {@code 12000}.
   */
  static String numbersAsWords(String text) {
    if (!DIGIT.matcher(text).find()) {
      return text;
    }
    String s = THOUSANDS.matcher(text).replaceAll("");
    s = TRAILING_ZEROS.matcher(s).replaceAll("$1");
    s = TRAILING_POINT.matcher(s).replaceAll("$1");
    return DECIMAL.matcher(s).replaceAll("$1p$2");
  }

  private static final Pattern DIGIT = Pattern.compile("\\d[.,]\\d");
  private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
  private static final Pattern TRAILING_ZEROS = Pattern.compile("(\\d\\.\\d*?[1-9])0+(?!\\d)");
  private static final Pattern TRAILING_POINT = Pattern.compile("(\\d)\\.0+(?!\\d)");
  private static final Pattern DECIMAL = Pattern.compile("(\\d)\\.(\\d)");

  /**
   * A crude stem, enough for the verb forms a headline and its lead use for one event to meet:
   * "seize", "seized" and "seizing" are {@code seiz}, and common irregular past forms map to the
   * present ("struck" -> {@code strike}, "held" -> {@code hold}).
   */
  static String stem(String word) {
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    String w = word;
    int n = w.length();
    if (n > 5 && w.endsWith("ing")) {
      w = w.substring(0, n - 3);
    } else if (n > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      w = w.substring(0, n - 2);
    } else if (n > 4 && w.endsWith("e")) {
      w = w.substring(0, n - 1);
    }
    n = w.length();
    if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && isDoubled(w.charAt(n - 1))) {
      w = w.substring(0, n - 1); // "signalled" -> signal, "stopped" -> stop
    }
    return w;
  }

  private static boolean isDoubled(char c) {
    return "bdgklmnprt".indexOf(c) >= 0;
  }

  private static final java.util.Map<String, String> IRREGULAR =
      pairs(
          "struck strike held hold kept keep shook shake took take taken take won win fled flee"
              + " rose rise risen rise fell fall fallen fall sold sell made make began begin begun"
              + " begin led lead brought bring caught catch fought fight sought seek bought buy"
              + " hid hide hidden hide saw see seen see gave give given give shot shoot ran run"
              + " met meet lost lose paid pay sent send spent spend built build grew grow grown"
              + " grow threw throw thrown throw blew blow drew draw drawn draw drove drive driven"
              + " drive froze freeze frozen freeze stole steal stolen steal broke break broken"
              + " break chose choose chosen choose wrote write written write spoke speak spoken"
              + " speak woke wake came come went go gone go");

  private static java.util.Map<String, String> pairs(String words) {
    String[] w = words.split(" ");
    java.util.Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i + 1 < w.length; i += 2) {
      map.put(w[i], w[i + 1]);
    }
    return java.util.Map.copyOf(map);
  }

  private static Set<String> normalised(String words) {
    Set<String> set = new HashSet<>();
    for (String word : words.split(" ")) {
      set.addAll(Tokenizer.normalisedWords(word.toLowerCase(Locale.ROOT)));
    }
    return Set.copyOf(set);
  }

  // Headline words of a payout notice, as #words writes them (after IRREGULAR, which stem reads).
  private static final Set<String> PAYOUT_WORDS =
      Set.of(
          stem("dividend"),
          stem("dividends"),
          stem("div"),
          stem("payout"),
          stem("payouts"),
          stem("quarterly"),
          stem("qtly"),
          stem("split"),
          stem("splits"));
}
