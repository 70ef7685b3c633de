package io.newspipe.store;

import io.newspipe.schemas.EntityKind;

/** A named entity of a stored article. */
public record StoredEntity(EntityKind kind, String name, int mentions) {}
