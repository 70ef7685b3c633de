package io.newspipe.enrich.tagging;

import io.newspipe.enrich.tagging.TermIndex.ExclusionNearUse;
import io.newspipe.enrich.tagging.TermIndex.ExclusionTermUse;
import io.newspipe.enrich.tagging.TermIndex.NearUse;
import io.newspipe.enrich.tagging.TermIndex.PhraseUse;
import io.newspipe.enrich.tagging.TermIndex.PlaceUse;
import io.newspipe.enrich.tagging.TermIndex.TermHit;
import io.newspipe.enrich.tagging.TermIndex.Use;
import io.newspipe.enrich.taxonomy.Place;
import io.newspipe.enrich.taxonomy.TagDefinition;
import io.newspipe.enrich.taxonomy.Taxonomy;
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
    List<TagDefinition> definitions = taxonomy.tags();
    List<TagScorer> scorers = new ArrayList<>(definitions.size());
    definitions.forEach(d -> scorers.add(new TagScorer(d)));
    Map<Place, int[]> mentions = new IdentityHashMap<>(); // [all mentions, unambiguous mentions]
    Set<String> seen = new HashSet<>();
    for (Map.Entry<Field, String> field : texts.entrySet()) {
      for (TermHit termHit : index.scan(field.getKey(), Tokenizer.tokenize(field.getValue()))) {
        for (Use use : termHit.term().uses()) {
          dispatch(use, termHit.hit(), scorers, mentions, seen);
        }
      }
    }
    List<Tag> tags = new ArrayList<>();
    for (TagScorer scorer : scorers) {
      Tag tag = scorer.result(texts);
      if (tag != null) {
        tags.add(tag);
      }
    }
    tags.sort(Comparator.comparingDouble(Tag::getScore).reversed().thenComparing(Tag::getId));
    return new Analysis(tags, entities(mentions));
  }

  private void dispatch(
      Use use, Hit hit, List<TagScorer> scorers, Map<Place, int[]> mentions, Set<String> seen) {
    if (use instanceof PhraseUse p) {
      scorers.get(p.tag()).phrase(p.rule(), hit);
    } else if (use instanceof NearUse n) {
      scorers.get(n.tag()).near(n.rule(), n.anySide(), hit);
    } else if (use instanceof ExclusionTermUse e) {
      scorers.get(e.tag()).exclusionTerm(e.exclusion());
    } else if (use instanceof ExclusionNearUse e) {
      scorers.get(e.tag()).exclusionNear(e.exclusion(), e.anySide(), hit);
    } else if (use instanceof PlaceUse p) {
      Place place = taxonomy.gazetteer().get(p.place());
      int[] count = mentions.computeIfAbsent(place, k -> new int[2]);
      // "Vladimir Putin" also matches "Putin": one mention, counted once (the words it starts
      // or ends on are remembered per place and field).
      boolean newStart = seen.add(place.name() + '@' + hit.field() + '<' + hit.from());
      boolean newEnd = seen.add(place.name() + '@' + hit.field() + '>' + hit.to());
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
