package io.newspipe.ingest.fulltext;

import io.newspipe.ingest.feed.HostRateLimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One GET of a web page, as politely and defensively as feed polling: each hop waits for the host's
 * slot in the rate limiter the feed pollers use, is checked by the {@link AddressGuard}, may
 * redirect at most {@code maxRedirects} times and never from https to http, sends validators for a
 * conditional GET, and reads at most {@code maxBodyBytes} within {@code timeout}. Thread-safe.
 */
final class PageFetcher {

  /** What came back: a 304 has an empty body. */
  record Response(
      int status, byte[] body, String contentType, String etag, String lastModified, URI url) {
    boolean notModified() {
      return status == 304;
    }
  }

  private final FullTextSettings settings;
  private final HostRateLimiter limiter;
  private final AddressGuard guard;
  private final String userAgent;
  private final HttpClient client;

  PageFetcher(FullTextSettings settings, HostRateLimiter limiter, String userAgent) {
    this.settings = settings;
    this.limiter = limiter;
    this.guard = new AddressGuard(settings.allowLoopback(), settings.allowPrivateAddresses());
    this.userAgent = userAgent;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @param etag validator from an earlier fetch of {@code url}, or null
   * @param lastModified validator from an earlier fetch of {@code url}, or null
   * @throws FetchRefused with the reason, for any status but 2xx and 304
   */
  Response get(URI url, String etag, String lastModified)
      throws FetchRefused, InterruptedException {
    URI current = url;
    for (int hops = 0; ; hops++) {
      requireHttp(current);
      guard.check(current);
      limiter.acquire(current);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .timeout(settings.timeout())
              .header("User-Agent", userAgent)
              .header("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1")
              .header("Accept-Encoding", "gzip");
      if (hops == 0 && etag != null) {
        request.header("If-None-Match", etag);
      }
      if (hops == 0 && lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      HttpResponse<InputStream> response = send(request.build(), current);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        discard(response);
        current = nextHop(url, current, response, hops);
        continue;
      }
      if (status != 304 && (status < 200 || status >= 300)) {
        discard(response);
        throw new FetchRefused(current + " answered HTTP " + status, status);
      }
      byte[] body = status == 304 ? new byte[0] : read(response, current);
      var headers = response.headers();
      return new Response(
          status,
          body,
          headers.firstValue("Content-Type").orElse(null),
          headers.firstValue("ETag").orElse(null),
          headers.firstValue("Last-Modified").orElse(null),
          current);
    }
  }

  private static void requireHttp(URI url) throws FetchRefused {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchRefused(url + " is not an http(s) URL");
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request, URI url)
      throws FetchRefused, InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FetchRefused(
          url + " did not answer within " + settings.timeout().toSeconds() + " s");
    } catch (IOException | IllegalArgumentException e) {
      throw new FetchRefused("cannot fetch " + url + " (" + e.getMessage() + ")", e);
    }
  }

  private URI nextHop(URI first, URI current, HttpResponse<?> response, int hops)
      throws FetchRefused {
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null) {
      throw new FetchRefused(current + " redirected without a Location header");
    }
    if (hops >= settings.maxRedirects()) {
      throw new FetchRefused(first + " redirected more than " + settings.maxRedirects() + " times");
    }
    URI next;
    try {
      next = current.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchRefused(current + " redirected to an invalid URL: " + location);
    }
    if ("https".equalsIgnoreCase(current.getScheme())
        && "http".equalsIgnoreCase(next.getScheme())) {
      throw new FetchRefused(current + " redirected from https to plain http (" + next + ")");
    }
    return next;
  }

  private static void discard(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing of this body is used; a failed close leaks nothing
    }
  }

  /** Reads at most the cap, gzip decoded while streaming, within the time limit. */
  private byte[] read(HttpResponse<InputStream> response, URI url) throws FetchRefused {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .orElse("")
            .toLowerCase(Locale.ROOT)
            .contains("gzip");
    try (InputStream raw = response.body();
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[32 * 1024];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + (long) n > settings.maxBodyBytes()) {
          throw new FetchRefused(
              url + " is larger than " + settings.maxBodyBytes() + " bytes; not read further");
        }
        out.write(chunk, 0, n);
        if (System.nanoTime() > deadline) {
          throw new FetchRefused(
              url + " took longer than " + settings.timeout().toSeconds() + " s to send the page");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchRefused("reading " + url + " failed (" + e.getMessage() + ")", e);
    }
  }
}
