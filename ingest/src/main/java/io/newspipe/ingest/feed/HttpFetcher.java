package io.newspipe.ingest.feed;

import io.newspipe.schemas.FeedPollOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Conditional GETs with the JDK {@link HttpClient}: sends If-None-Match / If-Modified-Since, asks
 * for gzip, follows at most {@link HttpSettings#maxRedirects()} redirects itself (so the limit and
 * the https-to-http downgrade rule are ours), and streams the body into a buffer that refuses to
 * grow past {@link HttpSettings#maxBodyBytes()}: a 20 MB answer costs at most the cap in memory.
 * Thread-safe.
 */
public final class HttpFetcher {

  private static final int CHUNK = 64 * 1024;
  private static final int ERROR_PAYLOAD_BYTES = 64 * 1024;

  /** The longest a server's Retry-After is obeyed; a longer one is cut to this (as documented). */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  /**
   * Closes the body of a response that stalls past the read timeout: the JDK client's timeout ends
   * with the headers, and a blocked read would otherwise hold a feed thread for good.
   */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "newspipe-feed-body-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final HttpSettings settings;
  private final HttpClient client;
  private final Clock clock;

  public HttpFetcher(HttpSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Fetches {@code url}. A 304 is a normal result; other non-2xx statuses throw.
   *
   * @throws FeedFetchException with the URL, the reason and the fix
   */
  public FetchResult fetch(URI url, String etag, String lastModified) throws FeedFetchException {
    URI current = url;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .timeout(settings.readTimeout())
              .header("User-Agent", settings.userAgent())
              .header("Accept-Encoding", "gzip")
              .header(
                  "Accept",
                  "application/rss+xml, application/atom+xml, application/feed+json,"
                      + " application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
              .GET();
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      HttpResponse<InputStream> response = send(request.build(), current);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        close(response);
        current = redirect(url, current, response, hop);
        continue;
      }
      HttpHeaders headers = response.headers();
      Duration retryAfter = retryAfter(headers.firstValue("Retry-After").orElse(null));
      byte[] body = status == 304 ? new byte[0] : readBody(response, current, status);
      if (status != 304 && (status < 200 || status >= 300)) {
        throw new FeedFetchException(
            FeedPollOutcome.HTTP_ERROR,
            status,
            statusMessage(current, status),
            body,
            retryAfter,
            null);
      }
      return new FetchResult(
          status,
          body,
          headers.firstValue("Content-Type").orElse(null),
          headers.firstValue("ETag").orElse(null),
          headers.firstValue("Last-Modified").orElse(null),
          retryAfter,
          current.toString());
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request, URI url) throws FeedFetchException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FeedFetchException(
          FeedPollOutcome.TIMEOUT,
          null,
          url
              + " did not answer within "
              + settings.readTimeout().toSeconds()
              + " s; the server"
              + " is slow or down, newspipe retries with backoff",
          null,
          null,
          e);
    } catch (IOException e) {
      throw new FeedFetchException(
          FeedPollOutcome.CONNECTION_ERROR,
          null,
          "cannot connect to "
              + url
              + " ("
              + e
              + "); check the URL and the network, newspipe"
              + " retries with backoff",
          null,
          null,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedFetchException("interrupted while fetching " + url, null, null, e);
    }
  }

  private URI redirect(URI original, URI current, HttpResponse<?> response, int hop)
      throws FeedFetchException {
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null) {
      throw new FeedFetchException(
          FeedPollOutcome.HTTP_ERROR,
          response.statusCode(),
          current + " answered " + response.statusCode() + " without a Location header",
          null,
          null,
          null);
    }
    if (hop + 1 > settings.maxRedirects()) {
      throw new FeedFetchException(
          FeedPollOutcome.BLOCKED,
          response.statusCode(),
          original
              + " redirected more than "
              + settings.maxRedirects()
              + " times (last to "
              + location
              + "); put the final URL in newspipe.yaml",
          null,
          null,
          null);
    }
    URI next;
    try {
      next = current.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FeedFetchException(
          FeedPollOutcome.BLOCKED,
          response.statusCode(),
          current + " redirected to '" + location + "', which is not a valid URL",
          null,
          null,
          e);
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FeedFetchException(
          FeedPollOutcome.BLOCKED,
          response.statusCode(),
          current
              + " redirected to "
              + next
              + ", which is not an http(s) URL; refused (feeds are only fetched over HTTP)."
              + " Fix the feed URL in newspipe.yaml",
          null,
          null,
          null);
    }
    if ("https".equalsIgnoreCase(current.getScheme())
        && "http".equalsIgnoreCase(next.getScheme())) {
      throw new FeedFetchException(
          FeedPollOutcome.BLOCKED,
          response.statusCode(),
          current
              + " redirected from https to plain http ("
              + next
              + "); refused, put the URL"
              + " you trust in newspipe.yaml",
          null,
          null,
          null);
    }
    return next;
  }

  /** Reads at most the cap; gzip is decoded while streaming so the cap applies to real bytes. */
  private byte[] readBody(HttpResponse<InputStream> response, URI url, int status)
      throws FeedFetchException {
    boolean ok = status >= 200 && status < 300;
    long limit = ok ? settings.maxBodyBytes() : ERROR_PAYLOAD_BYTES;
    Instant deadline = clock.instant().plus(settings.readTimeout());
    String encoding = response.headers().firstValue("Content-Encoding").orElse("");
    InputStream body = response.body();
    // Set when the watchdog cut the body off: its millisecond delay can end a hair before the
    // deadline, so the reader's failure is a timeout whatever the clock says when it sees it.
    AtomicBoolean cutOff = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        WATCHDOG.schedule(
            () -> {
              cutOff.set(true);
              closeQuietly(body);
            },
            Math.max(1, Duration.between(clock.instant(), deadline).toMillis()),
            TimeUnit.MILLISECONDS);
    try (InputStream raw = body;
        InputStream in =
            encoding.toLowerCase(Locale.ROOT).contains("gzip") ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
      byte[] buffer = new byte[CHUNK];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > limit) {
          if (!ok) {
            out.write(buffer, 0, (int) (limit - out.size()));
            return out.toByteArray(); // enough of an error page for the dead letter
          }
          throw new FeedFetchException(
              FeedPollOutcome.BLOCKED,
              status,
              url
                  + " sent more than "
                  + limit
                  + " bytes; refused and cut off. If the feed is"
                  + " genuinely that large, raise ingest.http.max.body.bytes",
              out.toByteArray(),
              null,
              null);
        }
        out.write(buffer, 0, n);
        if (clock.instant().isAfter(deadline)) {
          throw new FeedFetchException(
              FeedPollOutcome.TIMEOUT,
              status,
              url
                  + " took longer than "
                  + settings.readTimeout().toSeconds()
                  + " s to send its"
                  + " body; cut off, newspipe retries with backoff",
              out.toByteArray(),
              null,
              null);
        }
      }
      return out.toByteArray();
    } catch (FeedFetchException e) {
      throw e;
    } catch (IOException e) {
      if (cutOff.get() || !clock.instant().isBefore(deadline)) {
        throw new FeedFetchException(
            FeedPollOutcome.TIMEOUT,
            status,
            url
                + " sent its body too slowly: not complete after "
                + settings.readTimeout().toSeconds()
                + " s; cut off, newspipe retries with backoff",
            null,
            null,
            e);
      }
      throw new FeedFetchException(
          FeedPollOutcome.CONNECTION_ERROR,
          status,
          "reading the body of " + url + " failed (" + e + "); newspipe retries with backoff",
          null,
          null,
          e);
    } finally {
      watchdog.cancel(false);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing only unblocks the reader; it reports the timeout
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing was read from a redirect; a failed close leaks no data
    }
  }

  private static String statusMessage(URI url, int status) {
    return switch (status) {
      case 401, 403 ->
          url + " answered " + status + ": access denied; check the URL and any credentials";
      case 404, 410 ->
          url
              + " answered "
              + status
              + ": the feed is gone; fix the URL or set enabled: false"
              + " in newspipe.yaml";
      case 429 -> url + " answered 429 Too Many Requests; newspipe waits as asked (Retry-After)";
      default -> url + " answered HTTP " + status + "; newspipe retries with backoff";
    };
  }

  /**
   * Retry-After as seconds or an HTTP date, at most {@link #MAX_RETRY_AFTER}; null if absent or
   * unreadable.
   */
  Duration retryAfter(String value) {
    Duration asked = askedRetryAfter(value);
    return asked == null || asked.compareTo(MAX_RETRY_AFTER) <= 0 ? asked : MAX_RETRY_AFTER;
  }

  private Duration askedRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.matches("\\d{10,}")) {
      return MAX_RETRY_AFTER; // more seconds than any cap: no need to parse (it may overflow)
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        Instant when =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), when);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }
}
