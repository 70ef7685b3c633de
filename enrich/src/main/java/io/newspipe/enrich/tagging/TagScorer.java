package io.newspipe.enrich.tagging;

import io.newspipe.enrich.taxonomy.Exclusion;
import io.newspipe.enrich.taxonomy.NearRule;
import io.newspipe.enrich.taxonomy.PhraseRule;
import io.newspipe.enrich.taxonomy.Place;
import io.newspipe.enrich.taxonomy.PlaceRule;
import io.newspipe.enrich.taxonomy.TagDefinition;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Tag;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one tag for one article from the hits of its rules. Not thread-safe: one per tag per
 * article.
 *
 * <p>Scoring: each piece of evidence is worth its rule's weight times the field weight. The same
 * rule firing again counts half as much as the time before (1, 1/2, 1/4 ...; places use their
 * rule's {@code repeat} factor, see {@link PlaceMentions}), so one rule has a bounded total: a
 * story that repeats one word does not outscore one that gives several kinds of evidence. Words
 * already used as evidence by a stronger rule are not counted again ("election interference" is not
 * also counted as "interference" near "election"). Exclusions then veto the tag or subtract their
 * weight.
 */
final class TagScorer {

  /** Evidence is capped so one long article cannot make a huge record. */
  static final int MAX_EVIDENCE = 25;

  /**
   * One piece of evidence; {@code claim} is the hit whose words it uses up, {@code [start, end)}
   * the quoted span.
   */
  private record Candidate(String rule, double base, double repeat, Hit claim, int start, int end) {
    Candidate(String rule, double base, Hit claim, int start, int end) {
      this(rule, base, 0.5, claim, start, end);
    }
  }

  private final TagDefinition tag;
  private final List<Candidate> candidates = new ArrayList<>();
  // The hits of each side of each near rule and near exclusion, by rule index; null until one.
  private final List<Hit>[] nearAny;
  private final List<Hit>[] nearOf;
  private final List<Hit>[] exclusionAny;
  private final List<Hit>[] exclusionOf;
  private final BitSet excluded = new BitSet();
  private final PlaceMentions places = new PlaceMentions();

  TagScorer(TagDefinition tag) {
    this.tag = tag;
    this.nearAny = hitLists(tag.near().size());
    this.nearOf = hitLists(tag.near().size());
    this.exclusionAny = hitLists(tag.exclusions().size());
    this.exclusionOf = hitLists(tag.exclusions().size());
  }

  @SuppressWarnings("unchecked")
  private static List<Hit>[] hitLists(int rules) {
    return (List<Hit>[]) new List<?>[rules];
  }

  private static void add(List<Hit>[] lists, int rule, Hit hit) {
    if (lists[rule] == null) {
      lists[rule] = new ArrayList<>(2);
    }
    lists[rule].add(hit);
  }

  void phrase(int rule, Hit hit) {
    PhraseRule phrase = tag.phrases().get(rule);
    candidates.add(
        new Candidate(phrase.ruleId(), weigh(phrase.weight(), hit), hit, hit.start(), hit.end()));
  }

  void near(int rule, boolean anySide, Hit hit) {
    add(anySide ? nearAny : nearOf, rule, hit);
  }

  private boolean modelGate;

  /** A term of the tag model's {@code when} list was met. */
  void modelGate() {
    modelGate = true;
  }

  void exclusionTerm(int exclusion) {
    excluded.set(exclusion);
  }

  void exclusionNear(int exclusion, boolean anySide, Hit hit) {
    add(anySide ? exclusionAny : exclusionOf, exclusion, hit);
  }

  void place(Place place, boolean ambiguous, Hit hit) {
    if (tag.places() == null) {
      return;
    }
    // Places outside the tag's regions are kept too: they tell a list of countries from a story.
    boolean inRegion = false;
    for (String region : place.regions()) {
      inRegion |= tag.places().regions().contains(region);
    }
    places.add(place, ambiguous, inRegion, hit);
  }

  private void addPlaceCandidates(Map<Field, String> texts) {
    PlaceRule rule = tag.places();
    if (rule == null) {
      return;
    }
    places.weigh(
        rule,
        texts,
        (place, hit, weight) ->
            candidates.add(
                new Candidate(
                    "place:" + place.name(),
                    weigh(weight, hit),
                    rule.repeat(),
                    hit,
                    hit.start(),
                    hit.end())));
  }

  /**
   * What the rules found, whether or not it reaches the threshold: the score (evidence minus
   * subtracting exclusions; 0 when vetoed), the evidence used, and the exclusions that matched.
   */
  Scored score(Map<Field, String> texts) {
    addNearCandidates();
    addPlaceCandidates(texts);
    double penalty = 0;
    List<String> matchedExclusions = new ArrayList<>(0);
    boolean vetoed = false;
    for (int e = 0; e < tag.exclusions().size(); e++) {
      Exclusion exclusion = tag.exclusions().get(e);
      boolean matched =
          excluded.get(e)
              || (exclusion.near() != null
                  && !pairs(exclusion.near(), exclusionAny[e], exclusionOf[e]).isEmpty());
      if (matched) {
        matchedExclusions.add(exclusion.id());
        if (exclusion.veto()) {
          vetoed = true;
        } else {
          penalty += exclusion.weight();
        }
      }
    }
    if (vetoed) {
      return new Scored(0, true, List.of(), matchedExclusions);
    }
    candidates.sort(
        Comparator.comparingDouble(Candidate::base)
            .reversed()
            .thenComparing(c -> c.claim().field())
            .thenComparingInt(Candidate::start));
    Map<Field, BitSet> claimed = new EnumMap<>(Field.class);
    Map<String, Integer> timesUsed = new HashMap<>();
    List<Candidate> used = new ArrayList<>();
    double score = -penalty;
    for (Candidate c : candidates) {
      BitSet words = claimed.computeIfAbsent(c.claim().field(), f -> new BitSet());
      if (words.get(c.claim().from(), c.claim().to() + 1).cardinality() > 0) {
        continue;
      }
      words.set(c.claim().from(), c.claim().to() + 1);
      int n = timesUsed.merge(c.rule() + '@' + c.claim().field(), 1, Integer::sum);
      score += c.base() * Math.pow(c.repeat(), n - 1);
      used.add(c);
    }
    return new Scored(score, false, used, matchedExclusions);
  }

  /** The rules' verdict on one tag of one article. */
  final class Scored {
    final double score;
    final boolean vetoed;
    final List<Candidate> used;
    final List<String> exclusions;

    private Scored(double score, boolean vetoed, List<Candidate> used, List<String> exclusions) {
      this.score = score;
      this.vetoed = vetoed;
      this.used = used;
      this.exclusions = exclusions;
    }

    boolean reaches() {
      return !vetoed && !used.isEmpty() && score >= tag.threshold();
    }

    /**
     * Whether the tag's model is asked about the article: it has no {@code when} terms, one of them
     * was met, or the rules found evidence.
     */
    boolean modelAsked() {
      return tag.model().when().isEmpty() || modelGate || !used.isEmpty();
    }

    TagDefinition definition() {
      return tag;
    }

    /** This verdict as the public {@link RuleScore}. */
    RuleScore ruleScore() {
      return new RuleScore(tag.id(), score, tag.threshold(), vetoed, rules(), exclusions);
    }

    /** The ids of the rules whose evidence was used, in the order they were counted. */
    List<String> rules() {
      List<String> ids = new ArrayList<>(used.size());
      used.forEach(c -> ids.add(c.rule()));
      return ids;
    }
  }

  /**
   * The tag with its evidence (at most {@link #MAX_EVIDENCE} pieces) and {@code scored}'s score.
   */
  Tag tag(Scored scored, Map<Field, String> texts) {
    double score = scored.score;
    return tag(
        scored, texts, List.of(), Math.round(1000 * score / (score + tag.threshold())) / 1000.0);
  }

  /**
   * The tag with the rules' evidence, then {@code more} (a model's), and {@code confidence}
   * (rounded to three places by the caller); its score is the rules' score.
   */
  Tag tag(Scored scored, Map<Field, String> texts, List<Evidence> more, double confidence) {
    double score = scored.score;
    List<Candidate> used = new ArrayList<>(scored.used);
    used.sort(
        Comparator.comparing((Candidate c) -> c.claim().field())
            .thenComparingInt(Candidate::start));
    List<Evidence> evidence = new ArrayList<>();
    for (Candidate c : used.subList(0, Math.min(used.size(), MAX_EVIDENCE - more.size()))) {
      String text = texts.get(c.claim().field());
      evidence.add(
          Evidence.newBuilder()
              .setField(c.claim().field().key())
              .setStart(c.start())
              .setEnd(c.end())
              .setText(text.substring(c.start(), c.end()))
              .setRule(c.rule())
              .build());
    }
    evidence.addAll(more);
    double rounded = Math.round(score * 1000) / 1000.0;
    return Tag.newBuilder()
        .setId(tag.id())
        .setLabel(tag.label())
        .setMediaTopics(tag.mediaTopics())
        .setScore(rounded)
        .setConfidence(confidence)
        .setEvidence(evidence)
        .build();
  }

  private void addNearCandidates() {
    for (int r = 0; r < tag.near().size(); r++) {
      NearRule rule = tag.near().get(r);
      for (Hit[] pair : pairs(rule, nearAny[r], nearOf[r])) {
        Hit a = pair[0];
        Hit b = pair[1];
        // Only the "any" side is claimed, so "influence" and "interfere" may both pair with the
        // one "elections" that follows them.
        candidates.add(
            new Candidate(
                rule.ruleId(),
                weigh(rule.weight(), a),
                a,
                Math.min(a.start(), b.start()),
                Math.max(a.end(), b.end())));
      }
    }
  }

  /** Each "any" hit with its nearest "of" hit within range, in the same field. */
  private static List<Hit[]> pairs(NearRule rule, List<Hit> any, List<Hit> of) {
    List<Hit[]> pairs = new ArrayList<>();
    if (any == null || of == null) {
      return pairs;
    }
    for (Hit a : any) {
      Hit best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Hit b : of) {
        int d = a.distanceTo(b);
        if (d > 0 && d <= rule.within() && d < bestDistance) {
          best = b;
          bestDistance = d;
        }
      }
      if (best != null) {
        pairs.add(new Hit[] {a, best});
      }
    }
    return pairs;
  }

  private double weigh(double weight, Hit hit) {
    return weight * tag.fieldWeight(hit.field().key());
  }
}
