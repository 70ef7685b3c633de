package io.newspipe.enrich.text;

/**
 * One word of a text: its normalised form (what rules match on) and where it is in the ORIGINAL
 * text, {@code [start, end)} in UTF-16 units, so evidence can quote the original exactly. {@code
 * upperCase} records whether every letter was a capital, so that acronyms in the taxonomy ("US",
 * "AI") need not match the ordinary words "us" and "ai". {@code paragraph} counts the blank lines
 * before the token, so co-occurrence rules can stay within one paragraph; {@code sentenceStart}
 * says that a sentence or line ends before it, so a phrase does not match across "... in the US.
 * China ...". {@code surname} marks a capitalised word right after a title ("Mr Jobs", "Dr Care"):
 * a person's name, which a rule term written in lower case ("jobs", "care") must not match.
 */
public record Token(
    String norm,
    int start,
    int end,
    boolean upperCase,
    int paragraph,
    boolean sentenceStart,
    boolean surname) {}
