package io.newspipe.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.webhook.Webhook;
import io.newspipe.notify.webhook.WebhookSettings;
import io.newspipe.notify.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void shouldMatchAnIndependentlyComputedHmac() throws Exception {
    byte[] body = "{\"id\":\"r:s\"}".getBytes(StandardCharsets.UTF_8);
    // openssl: printf '1700000000.{"id":"r:s"}' | openssl dgst -sha256 -hmac 'a-long-enough-secret'
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "a-long-enough-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + java.util.HexFormat.of()
                .formatHex(
                    mac.doFinal("1700000000.{\"id\":\"r:s\"}".getBytes(StandardCharsets.UTF_8)));
    assertThat(WebhookSignature.sign("a-long-enough-secret", 1700000000L, body))
        .isEqualTo(expected);
    assertThat(WebhookSignature.verify("a-long-enough-secret", 1700000000L, body, expected))
        .isTrue();
    assertThat(WebhookSignature.verify("a-long-enough-secret", 1700000001L, body, expected))
        .isFalse();
    assertThat(WebhookSignature.verify("another-long-secret!", 1700000000L, body, expected))
        .isFalse();
  }

  @Test
  void shouldParseRulesAndWebhooksAndSayWhatIsWrong() {
    AlertRule r = AlertRule.parse("id=ei-3;tag=election-interference;minSources=3;window=10m");
    assertThat(r.minSources()).isEqualTo(3);
    assertThat(r.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(AlertRule.parse("id=c;watch=captagon").isWatchRule()).isTrue();
    assertThatThrownBy(() -> AlertRule.parse("id=x;tag=a;minSources=3"))
        .hasMessageContaining("needs a window");
    assertThatThrownBy(() -> AlertRule.parse("id=x;window=10q"))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Webhook.parse("id=h;url=file:///etc/passwd;secret=0123456789abcdef"))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> Webhook.parse("id=h;url=http://localhost/x;secret=short"))
        .hasMessageContaining("16 characters");
    assertThat(Webhook.parse("id=h;url=http://localhost/x;secret=0123456789abcdef").toString())
        .doesNotContain("0123456789abcdef");
  }

  @Test
  void shouldDoubleTheBackoffUpToTheCap() {
    WebhookSettings s =
        new WebhookSettings(
            5, Duration.ofMillis(100), Duration.ofMillis(350), Duration.ofSeconds(1));
    assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(s.backoff(3)).isEqualTo(Duration.ofMillis(350));
  }
}
