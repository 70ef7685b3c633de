package io.newspipe.store;

/**
 * One text span that contributed to a tag, as stored: {@code text} is {@code field}'s text from
 * {@code start} (inclusive) to {@code end} (exclusive), matched by taxonomy rule {@code rule}.
 */
public record StoredEvidence(String field, int start, int end, String text, String rule) {}
