package io.newspipe.notify.webhook;

import io.newspipe.notify.alert.AlertRule;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One webhook from {@code webhooks} in newspipe.yaml: {@code
 * id=ops;url=https://…;secret=…;rule=eu}. Every alert (or only those of {@code rule}) is POSTed to
 * {@code url}, signed with {@code secret}.
 *
 * @param id names the webhook in delivery status
 * @param url http or https address; nothing else is ever requested (redirects are not followed)
 * @param secret the HMAC-SHA256 key of the signature header
 * @param rule only alerts of this rule id; null for all
 */
public record Webhook(String id, URI url, String secret, String rule) {

  private static final Set<String> KEYS = Set.of("id", "url", "secret", "rule");

  public Webhook {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("webhook needs an id (id=ops)");
    }
    String scheme =
        url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "webhook '" + id + "': url '" + url + "' must be an absolute http(s) address");
    }
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "webhook '"
              + id
              + "': secret must be at least 16 characters (receivers verify the"
              + " signature with it)");
    }
  }

  /** Reads {@code id=…;url=…;secret=…;rule=…}. */
  public static Webhook parse(String spec) {
    Map<String, String> parts = AlertRule.Specs.parse(spec, KEYS, "webhook");
    String url = parts.get("url");
    URI uri;
    try {
      uri = url == null ? null : URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "webhook '" + parts.get("id") + "': url '" + url + "' is not a valid address", e);
    }
    return new Webhook(parts.get("id"), uri, parts.get("secret"), parts.get("rule"));
  }

  /** Whether this webhook wants alerts of {@code ruleId}. */
  public boolean wants(String ruleId) {
    return rule == null || rule.equals(ruleId);
  }

  @Override
  public String toString() {
    return "Webhook[" + id + " -> " + url + "]"; // never the secret
  }
}
