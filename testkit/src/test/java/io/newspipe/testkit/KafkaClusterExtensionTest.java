package io.newspipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaClusterExtensionTest {

  @Test
  void shouldSanitiseTestNamesIntoTopicSafeNamespaces() {
    assertThat(KafkaClusterExtension.namespace("shouldTag Captagon_Seizure()"))
        .matches("shouldtag-captagon-seizure-\\d+");
    assertThat(KafkaClusterExtension.namespace("..")).matches("test-\\d+");
    assertThat(KafkaClusterExtension.namespace("x".repeat(300))).hasSizeLessThan(100);
  }

  @Test
  void shouldNotRepeatANamespace() {
    assertThat(KafkaClusterExtension.namespace("t"))
        .isNotEqualTo(KafkaClusterExtension.namespace("t"));
  }
}
