package io.newspipe.sink.store;

import io.newspipe.schemas.EntityKind;

/** A named entity of a stored article. */
public record StoredEntity(EntityKind kind, String name, int mentions) {}
