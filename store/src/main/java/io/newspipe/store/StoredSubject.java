package io.newspipe.store;

/**
 * A subject the source assigned to a stored article; {@code code} and {@code scheme} may be null.
 */
public record StoredSubject(String name, String code, String scheme) {}
