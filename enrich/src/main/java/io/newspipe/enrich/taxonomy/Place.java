package io.newspipe.enrich.taxonomy;

import io.newspipe.schemas.EntityKind;
import java.util.List;
import java.util.Set;

/**
 * A gazetteer entry: a place or actor with the names, demonyms and capitals that refer to it.
 * {@code ambiguousAliases} are names that often mean something else (a person called Jordan, the
 * bird); they count less as evidence and only make an entity when an unambiguous alias is present.
 */
public record Place(
    String name,
    EntityKind kind,
    Set<String> regions,
    List<String> aliases,
    List<String> ambiguousAliases) {

  public Place {
    regions = Set.copyOf(regions);
    aliases = List.copyOf(aliases);
    ambiguousAliases = List.copyOf(ambiguousAliases);
  }
}
