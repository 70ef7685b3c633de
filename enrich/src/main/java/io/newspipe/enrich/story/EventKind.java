package io.newspipe.enrich.story;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What kind of event a report tells of, as its headline (or lead) says it in so many words:
 * results, a dividend, a deal, a debt issue, a rating action, a contract, a price posting, a change
 * of management, a court matter, a sanction, an appeal, a clearance, a product launch, an award, a
 * nomination, a stock split, an economic indicator. Two reports about one company but of different
 * kinds ("X 4TH QTR NET" and "X SETS QUARTERLY"; "X COMPLETES UNIT SALE" and "X UNIT GETS
 * CONTRACT") are different stories, and two of one kind about one subject may join on less shared
 * wording ({@link StoryIndex}).
 *
 * <p>Only plain words count; a report that names no kind ("X UNIT TO EXPAND SERVICE") has none and
 * conflicts with nothing. A report may have several kinds ("X 4TH QTR NET; RAISES DIVIDEND").
 */
public enum EventKind {
  RESULTS(
      "net loss losses profit profits earnings results revenue revenues sales qtr turnover eps",
      "",
      "office",
      "\\bbox office\\b"),
  DIVIDEND("dividend dividends div qtly quarterly payout distribution", "", "", null),
  DEAL(
      "acquisition acquisitions buy buys buying buyer buyout bought purchase purchases bid bids"
          + " bidder bidders merger merge takeover tender stake suitor sale",
      "acquir divest",
      "for sell sells selling",
      "\\boffer for\\b|\\bsell(?:s|ing)?\\b.{0,40}\\b(?:units?|assets?|stake|subsidiary|division"
          + "|business|interest|operations|shares)\\b"),
  DEBT(
      "notes debentures bond bonds debt eurobond eurobonds convertible redemption offering shelf",
      "redeem",
      "",
      null),
  RATING(
      "moodys fitch creditwatch",
      "downgrad",
      "moody p poor poors rating ratings",
      "\\b(?:moody'?s|s/p|s&p|standard and poor'?s|standard & poor'?s|credit ratings?"
          + "|debt ratings?)\\b"),
  CONTRACT(
      "contract contracts",
      "",
      "order orders",
      "\\b(?:wins?|won|gets?|receives?|awarded|lands?)\\b.{0,40}\\borders?\\b"),
  PRICE(
      "posting postings",
      "",
      "price prices",
      "\\bposted prices?\\b|\\b(?:rais\\w*|cuts?|lowers?|hikes?|reduc\\w*|increas\\w*)\\b.{0,40}"
          + "\\bprices?\\b"),
  MANAGEMENT(
      "quit quits successor fired sacked ousted",
      "resign retir appoint dismiss",
      "down chairman president chief ceo officer director head",
      "\\bsteps? down\\b|\\b(?:names?|named|elects?|elected|new|seeks?|picks?|hires?)\\b.{0,30}"
          + "\\b(?:chairman|president|chief|ceo|officer|director|head)\\b"),
  COURT(
      "lawsuit lawsuits suit suits sue sues sued court judge ruling injunction charge charges"
          + " guilty verdict trial dispute investigation probe fined",
      "indict",
      "",
      null),
  SANCTION("ban bans banned suspension grounded barred", "suspend", "", null),
  APPEAL("", "appeal", "", null),
  CLEARANCE(
      "cleared acquitted reinstated",
      "overturn",
      "ban bans suspension sanction sanctions",
      "\\blift\\w*\\b.{0,30}\\b(?:bans?|suspension|sanctions?)\\b"),
  LAUNCH(
      "released debut debuts",
      "launch unveil introduc",
      "release releases model models product products",
      "\\b(?<!news |press )releases?\\b|\\bnew models?\\b|\\bnew products?\\b"),
  AWARD("award awards prize prizes scoop scoops honoured honored", "", "", null),
  NOMINATION("nominee nominees favourite favorite tipped", "nominat shortlist", "", null),
  SPLIT("split", "", "", null),
  INDICATOR(
      "gdp gnp inflation unemployment jobless payrolls m0 m1 m2 m3",
      "",
      "trade account product prices living supply production output starts m",
      "\\b(?:trade (?:deficit|surplus|gap|balance)|current account|gross (?:domestic|national)"
          + " product|consumer prices|cost of living|money supply|m-?[0-3]"
          + "|industrial (?:production|output)|housing starts|producer prices)\\b");

  // A kind is named by one of its words, a word starting with one of its prefixes, or, when one of
  // its trigger words is there, a phrase of its pattern ("box office", "sells ... unit"): the
  // words are looked up in a set, and the patterns run only on the few texts that hold a trigger.
  private final Set<String> words;
  private final String[] prefixes;
  private final Set<String> triggers;
  private final Pattern pattern;

  EventKind(String words, String prefixes, String triggers, String regex) {
    this.words = split(words);
    this.prefixes = prefixes.isEmpty() ? new String[0] : prefixes.split(" ");
    this.triggers = split(triggers);
    this.pattern = regex == null ? null : Pattern.compile(regex);
  }

  private static Set<String> split(String words) {
    return words.isEmpty() ? Set.of() : Set.of(words.split(" "));
  }

  /** Characters of the lead read for its kinds (its first sentence or two). */
  static final int LEAD_CHARS = 240;

  /**
   * The kinds a text names. A clearance ("lifts ban") or an appeal against a sanction is not the
   * sanction itself: when it is named, the sanction it undoes is not counted.
   */
  public static Set<EventKind> of(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    List<String> tokens = tokens(lower);
    Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    for (EventKind kind : values()) {
      if (kind.named(tokens, lower)) {
        kinds.add(kind);
      }
    }
    if (kinds.contains(CLEARANCE) || kinds.contains(APPEAL)) {
      kinds.remove(SANCTION);
    }
    if (kinds.contains(SPLIT)) {
      kinds.remove(DIVIDEND); // "2-for-1 split" is often declared "as a stock dividend"
    }
    return kinds;
  }

  private boolean named(List<String> tokens, String lower) {
    boolean triggered = false;
    for (String token : tokens) {
      if (words.contains(token)) {
        return true;
      }
      for (String prefix : prefixes) {
        if (token.startsWith(prefix)) {
          return true;
        }
      }
      triggered |= triggers.contains(token);
    }
    return triggered && pattern.matcher(lower).find();
  }

  // The runs of word characters (as a regular expression's \w reads them) of a lower-case text.
  private static List<String> tokens(String lower) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(lower.substring(start, i));
        start = -1;
      }
    }
    return tokens;
  }

  /** The kinds of the start of a body ({@value #LEAD_CHARS} characters). */
  public static Set<EventKind> ofLead(String body) {
    if (body == null) {
      return Set.of();
    }
    return of(body.substring(0, Math.min(body.length(), LEAD_CHARS)));
  }

  /** Names of kinds, as {@link StoryNames} keeps them. */
  static Set<String> names(Set<EventKind> kinds) {
    Set<String> names = new TreeSet<>();
    kinds.forEach(k -> names.add(k.name().toLowerCase(Locale.ROOT)));
    return names;
  }
}
