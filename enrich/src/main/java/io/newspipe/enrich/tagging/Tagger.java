package io.newspipe.enrich.tagging;

import io.newspipe.enrich.tagging.TermIndex.ExclusionNearUse;
import io.newspipe.enrich.tagging.TermIndex.ExclusionTermUse;
import io.newspipe.enrich.tagging.TermIndex.ModelGateUse;
import io.newspipe.enrich.tagging.TermIndex.NearUse;
import io.newspipe.enrich.tagging.TermIndex.PhraseUse;
import io.newspipe.enrich.tagging.TermIndex.PlaceUse;
import io.newspipe.enrich.tagging.TermIndex.TermHit;
import io.newspipe.enrich.tagging.TermIndex.Use;
import io.newspipe.enrich.taxonomy.Place;
import io.newspipe.enrich.taxonomy.TagDefinition;
import io.newspipe.enrich.taxonomy.TagModel;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Tags articles with a {@link Taxonomy}: one pass over each field's normalised tokens matches every
 * rule of every tag, then each tag is scored and kept with its evidence if it reaches its
 * threshold. Build one per taxonomy and share it: it is immutable and thread-safe. The same code
 * runs in the Streams app, in {@code newspipe tag} and in re-tagging during replay.
 */
public final class Tagger {

  private final Taxonomy taxonomy;
  private final TermIndex index;

  public Tagger(Taxonomy taxonomy) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.index = new TermIndex(taxonomy);
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Tags reaching their threshold, highest score first, each with its evidence. */
  public List<Tag> tag(String headline, String body) {
    return analyse(texts(headline, null, body)).tags();
  }

  /** What every tag's rules found in the article, tagged or not, in taxonomy order. */
  public List<RuleScore> ruleScores(String headline, String body) {
    Map<Field, String> texts = texts(headline, null, body);
    List<TagScorer> scorers = scan(texts, new IdentityHashMap<>(), new EnumMap<>(Field.class));
    List<RuleScore> scores = new ArrayList<>(scorers.size());
    for (TagScorer scorer : scorers) {
      scores.add(scorer.score(texts).ruleScore());
    }
    return scores;
  }

  /**
   * The probability the tag's model gives the article (whatever its rules found), or empty when the
   * tag has no model: for explanations, such as {@code newspipe eval --explain}'s misses.
   */
  public OptionalDouble modelProbability(String tag, String headline, String body) {
    Map<Field, String> texts = texts(headline, null, body);
    Map<Field, List<Token>> tokens = new EnumMap<>(Field.class);
    for (TagScorer scorer : scan(texts, new IdentityHashMap<>(), tokens)) {
      TagScorer.Scored scored = scorer.score(texts);
      TagModel model = scored.definition().model();
      if (scored.definition().id().equals(tag) && model != null) {
        return scored.modelAsked()
            ? OptionalDouble.of(probability(scored, model, tokens))
            : OptionalDouble.empty();
      }
    }
    return OptionalDouble.empty();
  }

  /** The article with its tags, the gazetteer places and actors it mentions, and versions. */
  public TaggedArticle enrich(Article article, Instant now) {
    Analysis analysis =
        analyse(texts(article.getHeadline(), article.getSubheadline(), article.getBody()));
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(analysis.tags())
        .setEntities(analysis.entities())
        .setStoryId(null)
        .setTaxonomyVersion(taxonomy.version())
        .setEnrichedAt(now)
        .build();
  }

  private record Analysis(List<Tag> tags, List<Entity> entities) {}

  private static Map<Field, String> texts(String headline, String subheadline, String body) {
    Map<Field, String> texts = new EnumMap<>(Field.class);
    texts.put(Field.HEADLINE, headline == null ? "" : headline);
    if (subheadline != null) {
      texts.put(Field.SUBHEADLINE, subheadline);
    }
    texts.put(Field.BODY, body == null ? "" : body);
    return texts;
  }

  private Analysis analyse(Map<Field, String> texts) {
    Map<Place, int[]> mentions = new IdentityHashMap<>(); // [all mentions, unambiguous mentions]
    Map<Field, List<Token>> tokens = new EnumMap<>(Field.class);
    List<TagScorer> scorers = scan(texts, mentions, tokens);
    List<Tag> tags = new ArrayList<>();
    for (TagScorer scorer : scorers) {
      TagScorer.Scored scored = scorer.score(texts);
      TagModel model = scored.definition().model();
      Tag tag;
      if (model == null) {
        tag = scored.reaches() ? scorer.tag(scored, texts) : null;
      } else {
        tag = modelTag(scorer, scored, model, texts, tokens);
      }
      if (tag != null) {
        tags.add(tag);
      }
    }
    tags.sort(Comparator.comparingDouble(Tag::getScore).reversed().thenComparing(Tag::getId));
    return new Analysis(tags, entities(mentions));
  }

  /**
   * The tag as its model decides: given when the model's probability reaches the threshold and no
   * exclusion vetoed it, with the rules' evidence and the words that weigh most for it in the
   * model.
   */
  private static Tag modelTag(
      TagScorer scorer,
      TagScorer.Scored scored,
      TagModel model,
      Map<Field, String> texts,
      Map<Field, List<Token>> tokens) {
    if (scored.vetoed) {
      return null;
    }
    if (scored.reaches()) {
      return scorer.tag(scored, texts); // the model adds tags the rules miss; it removes none
    }
    if (!scored.modelAsked()) {
      return null; // none of the model's terms and no evidence
    }
    double p = probability(scored, model, tokens);
    if (p < model.threshold()) {
      return null;
    }
    return scorer.tag(
        scored,
        texts,
        ModelEvidence.strongest(model, texts, tokens),
        Math.round(1000 * p) / 1000.0);
  }

  private static double probability(
      TagScorer.Scored scored, TagModel model, Map<Field, List<Token>> tokens) {
    List<Token> headline = tokens.getOrDefault(Field.HEADLINE, List.of());
    List<Token> body = tokens.getOrDefault(Field.BODY, List.of());
    List<Token> sub = tokens.get(Field.SUBHEADLINE);
    if (sub != null) {
      List<Token> joined = new ArrayList<>(sub.size() + body.size());
      joined.addAll(sub);
      joined.addAll(body);
      body = joined;
    }
    return model.linear().probability(headline, body, scored.ruleScore());
  }

  /** One scorer per tag, fed every rule hit of every field; gazetteer places into mentions. */
  private List<TagScorer> scan(
      Map<Field, String> texts, Map<Place, int[]> mentions, Map<Field, List<Token>> tokens) {
    List<TagDefinition> definitions = taxonomy.tags();
    List<TagScorer> scorers = new ArrayList<>(definitions.size());
    definitions.forEach(d -> scorers.add(new TagScorer(d)));
    Set<WordOfPlace> seen = new HashSet<>();
    for (Map.Entry<Field, String> field : texts.entrySet()) {
      List<Token> fieldTokens = Tokenizer.tokenize(field.getValue());
      tokens.put(field.getKey(), fieldTokens);
      for (TermHit termHit : index.scan(field.getKey(), fieldTokens)) {
        for (Use use : termHit.term().uses()) {
          dispatch(use, termHit.hit(), scorers, mentions, seen);
        }
      }
    }
    return scorers;
  }

  private void dispatch(
      Use use,
      Hit hit,
      List<TagScorer> scorers,
      Map<Place, int[]> mentions,
      Set<WordOfPlace> seen) {
    if (use instanceof PhraseUse p) {
      scorers.get(p.tag()).phrase(p.rule(), hit);
    } else if (use instanceof NearUse n) {
      scorers.get(n.tag()).near(n.rule(), n.anySide(), hit);
    } else if (use instanceof ExclusionTermUse e) {
      scorers.get(e.tag()).exclusionTerm(e.exclusion());
    } else if (use instanceof ExclusionNearUse e) {
      scorers.get(e.tag()).exclusionNear(e.exclusion(), e.anySide(), hit);
    } else if (use instanceof ModelGateUse g) {
      scorers.get(g.tag()).modelGate();
    } else if (use instanceof PlaceUse p) {
      Place place = taxonomy.gazetteer().get(p.place());
      int[] count = mentions.computeIfAbsent(place, k -> new int[2]);
      // "Vladimir Putin" also matches "Putin": one mention, counted once (the words it starts
      // or ends on are remembered per place and field).
      boolean newStart = seen.add(new WordOfPlace(place.name(), hit.field(), hit.from(), true));
      boolean newEnd = seen.add(new WordOfPlace(place.name(), hit.field(), hit.to(), false));
      if (newStart && newEnd) {
        count[0]++;
        if (!p.ambiguous()) {
          count[1]++;
        }
      }
      for (TagScorer scorer : scorers) {
        scorer.place(place, p.ambiguous(), hit);
      }
    }
  }

  /** A place's mention starting ({@code first}) or ending at a word of a field. */
  private record WordOfPlace(String place, Field field, int word, boolean first) {}

  /** Places and actors mentioned at least once by an unambiguous name, most mentioned first. */
  private static List<Entity> entities(Map<Place, int[]> mentions) {
    List<Entity> entities = new ArrayList<>();
    mentions.forEach(
        (place, count) -> {
          if (count[1] > 0) {
            entities.add(
                Entity.newBuilder()
                    .setKind(place.kind() == null ? EntityKind.PLACE : place.kind())
                    .setName(place.name())
                    .setMentions(count[0])
                    .build());
          }
        });
    entities.sort(
        Comparator.comparingInt(Entity::getMentions).reversed().thenComparing(Entity::getName));
    return entities;
  }
}
