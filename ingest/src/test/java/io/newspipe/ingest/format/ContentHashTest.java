package io.newspipe.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {

  @Test
  void shouldBeStableAcrossWhitespaceAndUnicodeNormalisation() {
    String composed = ContentHash.of("Café opens", null, "First.\n\nSecond.");
    String decomposed = ContentHash.of(" Cafe\u0301  opens ", "", "First.\r\n\r\n Second.  ");

    assertThat(decomposed).isEqualTo(composed);
    assertThat(composed).matches("[0-9a-f]{64}");
  }

  @Test
  void shouldChangeWhenWordsCaseOrFieldsChange() {
    String base = ContentHash.of("Headline", null, "Body text");

    assertThat(ContentHash.of("Headline", null, "Body text!")).isNotEqualTo(base);
    assertThat(ContentHash.of("headline", null, "Body text")).isNotEqualTo(base);
    assertThat(ContentHash.of("Headline", "Body text", "")).isNotEqualTo(base);
  }

  @Test
  void shouldMatchAKnownValueSoTheHashNeverDriftsSilently() {
    // sha256sum of "Headline\0\0Body text": if this changes, every stored hash changes with it.
    assertThat(ContentHash.of("Headline", null, "Body text"))
        .isEqualTo(ContentHash.sha256Hex("Headline\u0000\u0000Body text"))
        .isEqualTo("5abe67f2e77342bde4205530419eb2ce7ea1de5a9c02018a71975f9a3491ff71");
  }
}
