package io.newspipe.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.EventMaps;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of a webhook POST: one alert, as {@code /api/alerts} shows it. */
public final class AlertJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertJson() {}

  /** The alert's fields (nulls omitted, times ISO-8601) after {@code type}: match or alert. */
  public static Map<String, Object> map(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", a.getWatchId() != null ? "match" : "alert");
    m.putAll(EventMaps.toMap(a));
    return m;
  }

  public static byte[] bytes(Alert a) {
    try {
      return JSON.writeValueAsString(map(a)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert " + a.getId() + " as JSON", e);
    }
  }
}
