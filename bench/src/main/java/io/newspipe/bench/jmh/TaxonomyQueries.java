package io.newspipe.bench.jmh;

import io.newspipe.enrich.taxonomy.Exclusion;
import io.newspipe.enrich.taxonomy.NearRule;
import io.newspipe.enrich.taxonomy.PhraseRule;
import io.newspipe.enrich.taxonomy.Place;
import io.newspipe.enrich.taxonomy.TagDefinition;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A taxonomy written as Lucene queries, one per tag, as a user of Lucene Monitor would write it:
 * every phrase rule a phrase query; every near rule ("any of A within N words of any of B") one
 * unordered span-near query over a span-or of each side (as its pairs written out, the default
 * taxonomy's near rules would pass Lucene's clause limit); the gazetteer places of a geographic tag
 * phrase queries on their names and aliases; exclusions that veto as MUST_NOT clauses. Weights and
 * thresholds have no counterpart: a tag matches when any clause does, so the peer does less work
 * than the tagger.
 */
final class TaxonomyQueries {

  private static final Analyzer ANALYZER = new StandardAnalyzer();

  private TaxonomyQueries() {}

  static List<MonitorQuery> of(Taxonomy taxonomy, String field) {
    List<MonitorQuery> queries = new ArrayList<>();
    for (TagDefinition tag : taxonomy.tags()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      int clauses = 0;
      for (PhraseRule phrase : tag.phrases()) {
        clauses += add(any, phrase(field, phrase.term(), 0));
      }
      for (NearRule near : tag.near()) {
        clauses += add(any, near(field, near));
      }
      if (tag.places() != null) {
        for (Place place : taxonomy.gazetteer()) {
          if (place.regions().stream().anyMatch(tag.places().regions()::contains)) {
            clauses += add(any, phrase(field, place.name(), 0));
            for (String alias : place.aliases()) {
              clauses += add(any, phrase(field, alias, 0));
            }
          }
        }
      }
      for (Exclusion exclusion : tag.exclusions()) {
        if (exclusion.veto()) {
          for (String term : exclusion.terms()) {
            Query q = phrase(field, term, 0);
            if (q != null) {
              any.add(q, BooleanClause.Occur.MUST_NOT);
            }
          }
        }
      }
      queries.add(new MonitorQuery(tag.id(), clauses == 0 ? new MatchNoDocsQuery() : any.build()));
    }
    return queries;
  }

  private static int add(BooleanQuery.Builder builder, Query query) {
    if (query == null) {
      return 0;
    }
    builder.add(query, BooleanClause.Occur.SHOULD);
    return 1;
  }

  /** Any of the rule's {@code any} within {@code within} words of any of its {@code of}. */
  private static Query near(String field, NearRule rule) {
    SpanQuery any = spanOr(field, rule.any());
    SpanQuery of = spanOr(field, rule.of());
    if (any == null || of == null) {
      return null;
    }
    return new SpanNearQuery(new SpanQuery[] {any, of}, rule.within(), false);
  }

  /** Any of {@code terms}, each a span of its analysed words in order; null if none has words. */
  private static SpanQuery spanOr(String field, List<String> terms) {
    List<SpanQuery> spans = new ArrayList<>();
    for (String term : terms) {
      List<String> words = words(field, term);
      if (words.size() == 1) {
        spans.add(new SpanTermQuery(new Term(field, words.get(0))));
      } else if (words.size() > 1) {
        spans.add(
            new SpanNearQuery(
                words.stream()
                    .map(w -> new SpanTermQuery(new Term(field, w)))
                    .toArray(SpanQuery[]::new),
                0,
                true));
      }
    }
    if (spans.isEmpty()) {
      return null;
    }
    return spans.size() == 1 ? spans.get(0) : new SpanOrQuery(spans.toArray(SpanQuery[]::new));
  }

  /** The analysed words of {@code text} as a phrase with {@code slop}; null if none. */
  private static Query phrase(String field, String text, int slop) {
    List<String> words = words(field, text);
    if (words.isEmpty()) {
      return null;
    }
    if (words.size() == 1) {
      return new TermQuery(new Term(field, words.get(0)));
    }
    return new PhraseQuery(slop, field, words.toArray(String[]::new));
  }

  private static List<String> words(String field, String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
