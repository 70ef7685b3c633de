package io.newspipe.app.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The log's encoder, chosen by {@code format} ({@code NEWSPIPE_LOG_FORMAT} in logback.xml): {@code
 * text} (default) writes the compact pattern, {@code json} one JSON object per line with logback's
 * {@link JsonEncoder} (the MDC's article, feed and stage included). Choosing in an encoder keeps
 * logback.xml free of conditionals, which would need Janino.
 */
public final class FormatEncoder extends EncoderBase<ILoggingEvent> {

  private String format = "text";
  private String pattern = "%msg%n";
  private Encoder<ILoggingEvent> delegate;

  public void setFormat(String format) {
    this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    if ("json".equals(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(getContext());
      delegate = json;
    } else {
      if (!"text".equals(format) && !format.isEmpty()) {
        addWarn("NEWSPIPE_LOG_FORMAT=" + format + " is not text or json; logging text");
      }
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(getContext());
      text.setPattern(pattern);
      delegate = text;
    }
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
