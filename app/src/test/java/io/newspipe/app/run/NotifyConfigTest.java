package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.app.config.ConfigLoader;
import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.webhook.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigTest {

  @Test
  void shouldReadAlertRulesWebhooksAndRetrySettingsFromNewspipeYaml(@TempDir Path dir)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("newspipe.yaml"),
            String.join(
                "\n",
                "alerts:",
                "  rules:",
                "    - {id: ei-3, tag: election-interference, minSources: 3, window: 10m}",
                "    - {id: captagon, watch: captagon-seizures}",
                "  webhooks:",
                "    - {id: ops, url: 'https://hooks.example.org/n?x=1', secret: 0123456789abcdef,"
                    + " rule: ei-3}",
                "  webhook:",
                "    max.attempts: 7",
                "    backoff.ms: 250",
                ""));
    var settings = ConfigLoader.load(file, Map.of(), Map.of());
    assertThat(Notify.rules(settings))
        .containsExactly(
            AlertRule.stories("ei-3", "election-interference", 3, Duration.ofMinutes(10)),
            AlertRule.watch("captagon", "captagon-seizures"));
    Webhook hook = Notify.webhooks(settings).get(0);
    assertThat(hook.url().toString()).isEqualTo("https://hooks.example.org/n?x=1");
    assertThat(hook.rule()).isEqualTo("ei-3");
    assertThat(Notify.webhookSettings(settings).maxAttempts()).isEqualTo(7);
    assertThat(Notify.webhookSettings(settings).backoff(2)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldStopAtStartOnABadRuleSayingWhich(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("newspipe.yaml"),
            "alerts:\n  rules:\n    - {id: ei-3, tag: election-interference, minSources: three,"
                + " window: 10m}\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .hasMessageContaining("ei-3")
        .hasMessageContaining("minSources");
  }
}
