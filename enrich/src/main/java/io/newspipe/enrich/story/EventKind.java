package io.newspipe.enrich.story;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of event a report tells of, as its headline (or lead) says it in so many words:
 * results, a dividend, a deal, a debt issue, a rating action, a contract, a price posting, a change
 * of management, a court matter, a sanction, an appeal, a clearance, a product launch, an award, a
 * nomination, a stock split, an economic indicator. Two reports about one company but of different kinds ("X 4TH QTR NET"
 * and "X SETS QUARTERLY"; "X COMPLETES UNIT SALE" and "X UNIT GETS CONTRACT") are different
 * stories, and two of one kind about one subject may join on less shared wording ({@link
 * StoryIndex}).
 *
 * <p>Only plain words count; a report that names no kind ("X UNIT TO EXPAND SERVICE") has none and
 * conflicts with nothing. A report may have several kinds ("X 4TH QTR NET; RAISES DIVIDEND").
 */
public enum EventKind {
  RESULTS(
      "\\b(?:net|loss|losses|profits?|earnings|results|revenues?|sales|qtr|box office|turnover"
          + "|eps)\\b"),
  DIVIDEND("\\b(?:dividends?|div|qtly|quarterly|payout|distribution)\\b"),
  DEAL(
      "\\b(?:acquir\\w*|acquisitions?|buys?|buying|buyer|buyout|bought|purchases?|bids?|bidders?"
          + "|merger|merge|takeover|tender|stake|suitor|divest\\w*|sale|offer for|offers to buy)\\b"
          + "|\\bsell(?:s|ing)?\\b.{0,40}\\b(?:units?|assets?|stake|subsidiary|division|business"
          + "|interest|operations|shares)\\b"),
  DEBT(
      "\\b(?:notes|debentures|bonds?|debt|eurobonds?|convertible|redeem\\w*|redemption"
          + "|offering|shelf)\\b"),
  RATING(
      "\\b(?:moody'?s|s/p|s&p|standard and poor'?s|standard & poor'?s|fitch|creditwatch"
          + "|downgrad\\w*|credit ratings?|debt ratings?)\\b"),
  CONTRACT(
      "\\bcontracts?\\b|\\b(?:wins?|won|gets?|receives?|awarded|lands?)\\b.{0,40}\\borders?\\b"),
  PRICE(
      "\\bpostings?\\b|\\bposted prices?\\b|\\b(?:rais\\w*|cuts?|lowers?|hikes?|reduc\\w*"
          + "|increas\\w*)\\b.{0,40}\\bprices?\\b"),
  MANAGEMENT(
      "\\b(?:resign\\w*|quits?|retir\\w*|appoint\\w*|steps? down|successor|fired|sacked"
          + "|dismiss\\w*|ousted)\\b|\\b(?:names?|named|elects?|elected|new|seeks?|picks?"
          + "|hires?)\\b.{0,30}\\b(?:chairman|president|chief|ceo|officer|director|head)\\b"),
  COURT(
      "\\b(?:lawsuits?|suits?|sues?|sued|court|judge|ruling|injunction|charges?|guilty"
          + "|indict\\w*|verdict|trial|dispute|investigation|probe|fined)\\b"),
  SANCTION("\\b(?:bans?|banned|suspend\\w*|suspension|grounded|barred)\\b"),
  APPEAL("\\bappeal\\w*\\b"),
  CLEARANCE(
      "\\b(?:cleared|acquitted|overturn\\w*|reinstated)\\b|\\blift\\w*\\b.{0,30}"
          + "\\b(?:bans?|suspension|sanctions?)\\b"),
  LAUNCH(
      "\\b(?:launch\\w*|unveil\\w*|introduc\\w*|(?<!news |press )releases?|released|debuts?"
          + "|new models?"
          + "|new products?)\\b"),
  AWARD("\\b(?:awards?|prizes?|scoops?|honoured|honored)\\b"),
  NOMINATION("\\b(?:nominat\\w*|nominees?|shortlist\\w*|favourite|favorite|tipped)\\b"),
  SPLIT("\\b(?:stock split|split)\\b"),
  INDICATOR(
      "\\b(?:trade (?:deficit|surplus|gap|balance)|current account|gdp|gnp|gross (?:domestic|national)"
          + " product|inflation|consumer prices|cost of living|money supply|m-?[0-3]|unemployment"
          + "|jobless|industrial (?:production|output)|housing starts|payrolls|producer prices)\\b");

  private final Pattern pattern;

  EventKind(String regex) {
    this.pattern = Pattern.compile(regex);
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
    Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    for (EventKind kind : values()) {
      Matcher m = kind.pattern.matcher(lower);
      if (m.find()) {
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
