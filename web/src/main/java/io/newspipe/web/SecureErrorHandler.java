package io.newspipe.web;

import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses with the security headers every other response carries. Requests that
 * Jetty refuses before Javalin sees them (a malformed request line: 400, a URI too long: 414,
 * header fields too large: 431) are answered by the server's error handler, not by Javalin's {@code
 * before} handlers; without this they would come without CSP, {@code nosniff} or frame protection.
 * Stack traces and causes are never shown.
 */
final class SecureErrorHandler extends ErrorHandler {
  private final Map<String, String> headers;

  SecureErrorHandler(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable fields = response.getHeaders();
    headers.forEach(fields::put);
    return super.handle(request, response, callback);
  }
}
