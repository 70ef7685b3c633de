package io.newspipe.enrich.tagging;

import io.newspipe.enrich.taxonomy.Exclusion;
import io.newspipe.enrich.taxonomy.NearRule;
import io.newspipe.enrich.taxonomy.Place;
import io.newspipe.enrich.taxonomy.TagDefinition;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every term of every rule of every tag, and of the gazetteer, compiled into one {@link
 * TokenAutomaton}, with what each term is used for. A term written in capitals in the taxonomy
 * ("US", "AI") only matches text written in capitals, so acronyms do not fire on ordinary words.
 * Terms and text meet whatever verb form either is in ("bribe" matches "bribed"; see {@link
 * TokenAutomaton}).
 */
final class TermIndex {

  /** What a matched term means. {@code tag} indexes {@link Taxonomy#tags()}. */
  sealed interface Use {}

  record PhraseUse(int tag, int rule) implements Use {}

  record NearUse(int tag, int rule, boolean anySide) implements Use {}

  record ExclusionTermUse(int tag, int exclusion) implements Use {}

  record ExclusionNearUse(int tag, int exclusion, boolean anySide) implements Use {}

  record PlaceUse(int place, boolean ambiguous) implements Use {}

  record ModelGateUse(int tag) implements Use {}

  /** A distinct term: its words, which of them must be capitals, and its uses. */
  record Term(List<String> words, boolean[] capitals, boolean[] lowerCase, List<Use> uses) {}

  /** A hit with the term it is a hit of. */
  record TermHit(Term term, Hit hit) {}

  private final List<Term> terms = new ArrayList<>();
  private final Map<String, Term> byKey = new HashMap<>();
  private final TokenAutomaton automaton;

  TermIndex(Taxonomy taxonomy) {
    List<TagDefinition> tags = taxonomy.tags();
    for (int t = 0; t < tags.size(); t++) {
      TagDefinition tag = tags.get(t);
      for (int r = 0; r < tag.phrases().size(); r++) {
        add(tag.phrases().get(r).term(), new PhraseUse(t, r));
      }
      for (int r = 0; r < tag.near().size(); r++) {
        NearRule near = tag.near().get(r);
        for (String term : near.any()) {
          add(term, new NearUse(t, r, true));
        }
        for (String term : near.of()) {
          add(term, new NearUse(t, r, false));
        }
      }
      for (int e = 0; e < tag.exclusions().size(); e++) {
        Exclusion exclusion = tag.exclusions().get(e);
        for (String term : exclusion.terms()) {
          add(term, new ExclusionTermUse(t, e));
        }
        if (exclusion.near() != null) {
          for (String term : exclusion.near().any()) {
            add(term, new ExclusionNearUse(t, e, true));
          }
          for (String term : exclusion.near().of()) {
            add(term, new ExclusionNearUse(t, e, false));
          }
        }
      }
      if (tag.model() != null) {
        for (String term : tag.model().when()) {
          add(term, new ModelGateUse(t));
        }
      }
    }
    List<Place> gazetteer = taxonomy.gazetteer();
    for (int p = 0; p < gazetteer.size(); p++) {
      for (String alias : gazetteer.get(p).aliases()) {
        add(alias, new PlaceUse(p, false));
      }
      for (String alias : gazetteer.get(p).ambiguousAliases()) {
        add(alias, new PlaceUse(p, true));
      }
    }
    automaton = new TokenAutomaton(terms.stream().map(Term::words).toList());
  }

  private void add(String text, Use use) {
    List<Token> tokens = Tokenizer.tokenize(text);
    List<String> words = tokens.stream().map(Token::norm).toList();
    boolean[] lowerCase = new boolean[tokens.size()];
    for (int i = 0; i < lowerCase.length; i++) {
      lowerCase[i] = Character.isLowerCase(text.codePointAt(tokens.get(i).start()));
    }
    add(words, tokens, lowerCase, use);
    String last = words.get(words.size() - 1);
    if (last.length() > 2 && last.endsWith("i")) {
      // The tokenizer leaves words in -is alone ("analysis", "crisis"), so demonyms in -i need
      // their plural spelled out: "Israeli" must also match "Israelis", "Houthi" "Houthis".
      List<String> plural = new ArrayList<>(words);
      plural.set(plural.size() - 1, last + "s");
      add(plural, tokens, lowerCase, use);
    }
  }

  private void add(List<String> words, List<Token> tokens, boolean[] lowerCase, Use use) {
    boolean[] capitals = new boolean[tokens.size()];
    StringBuilder key = new StringBuilder(String.join(" ", words)).append('|');
    for (int i = 0; i < tokens.size(); i++) {
      capitals[i] = tokens.get(i).upperCase();
      key.append(capitals[i] ? 'C' : lowerCase[i] ? 'l' : '-');
    }
    Term term =
        byKey.computeIfAbsent(
            key.toString(),
            k -> {
              Term created = new Term(words, capitals, lowerCase, new ArrayList<>());
              terms.add(created);
              return created;
            });
    if (!term.uses().contains(use)) { // "Houthi" and "Houthis" may both be listed
      term.uses().add(use);
    }
  }

  /** Every term occurrence in one field's tokens, in text order. */
  List<TermHit> scan(Field field, List<Token> tokens) {
    List<TermHit> hits = new ArrayList<>();
    automaton.scan(
        tokens,
        (pattern, first, last) -> {
          Term term = terms.get(pattern);
          for (int i = first; i <= last; i++) {
            if (term.capitals()[i - first] && !tokens.get(i).upperCase()) {
              return;
            }
            if (term.lowerCase()[i - first] && tokens.get(i).surname()) {
              return; // "jobs" is not "Mr Jobs"
            }
          }
          hits.add(
              new TermHit(
                  term,
                  new Hit(
                      field,
                      first,
                      last,
                      tokens.get(first).start(),
                      tokens.get(last).end(),
                      tokens.get(first).paragraph())));
        });
    return hits;
  }

  int size() {
    return terms.size();
  }
}
