package io.newspipe.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.QueryMatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JMH peer: the default taxonomy as Lucene Monitor queries, built and matching as meant. */
class TaxonomyQueriesTest {

  private static Monitor monitor;

  @BeforeAll
  static void register() throws IOException {
    monitor = new Monitor(new StandardAnalyzer());
    monitor.register(TaxonomyQueries.of(Taxonomy.loadDefault(), "text"));
  }

  @AfterAll
  static void close() throws IOException {
    monitor.close();
  }

  @Test
  void shouldHoldOneQueryPerTagOfTheDefaultTaxonomy() throws IOException {
    assertThat(monitor.getQueryCount()).isEqualTo(Taxonomy.loadDefault().tags().size());
  }

  @Test
  void shouldMatchANearRuleWithinItsDistanceInEitherOrder() throws IOException {
    assertThat(matches("Customs officers found a haul of the drug in a lorry"))
        .contains("narcotics");
    assertThat(matches("The drug was part of a haul found in a lorry")).contains("narcotics");
  }

  @Test
  void shouldNotMatchANearRuleBeyondItsDistance() throws IOException {
    assertThat(
            matches(
                "The haul of the trawler was herring and mackerel, landed at dawn on the quay"
                    + " while a pharmacist across the road sold a drug for colds"))
        .doesNotContain("narcotics");
  }

  @Test
  void shouldMatchAPlaceOfAGeographicTag() throws IOException {
    assertThat(matches("Talks resumed in Jordan on Tuesday")).contains("middle-east");
  }

  private static Set<String> matches(String text) throws IOException {
    Document doc = new Document();
    doc.add(new TextField("text", text, Field.Store.NO));
    return monitor.match(doc, QueryMatch.SIMPLE_MATCHER).getMatches().stream()
        .map(QueryMatch::getQueryId)
        .collect(Collectors.toSet());
  }
}
