package io.newspipe.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API answers with an error status and a JSON body that says what is wrong: {@code
 * {"status": 400, "error": "...", "parameter": "limit"}}.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, Object> body;

  public ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  /** An error whose JSON body also carries {@code details} (e.g. the failing health checks). */
  public ApiException(int status, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("status", status);
    b.put("error", message);
    b.putAll(details);
    this.body = b;
  }

  /** A 400 about one query parameter. */
  public static ApiException badParameter(String parameter, String message) {
    return new ApiException(400, message, Map.of("parameter", parameter));
  }

  public int status() {
    return status;
  }

  public Map<String, Object> body() {
    return body;
  }
}
