package io.newspipe.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.logging.LogContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FormatEncoderTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  private String encode(String format) {
    FormatEncoder encoder = new FormatEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.setPattern("%-5level %logger{0} - %msg%n");
    encoder.start();
    try (LogContext ignored = LogContext.article("seeds:a1", "seeds", "enrich")) {
      LoggingEvent event =
          new LoggingEvent(
              "x",
              context.getLogger("io.newspipe.Thing"),
              Level.WARN,
              "hello {}",
              null,
              new Object[] {"you"});
      event.prepareForDeferredProcessing();
      return new String(encoder.encode(event), StandardCharsets.UTF_8);
    } finally {
      encoder.stop();
    }
  }

  @Test
  void shouldWriteTheTextPatternByDefault() {
    assertThat(encode("text")).isEqualTo("WARN  Thing - hello you\n");
    assertThat(encode("")).isEqualTo("WARN  Thing - hello you\n");
  }

  @Test
  void shouldWriteOneJsonObjectPerLineWithArticleFeedAndStage() throws Exception {
    String line = encode("JSON");
    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("loggerName").asText()).isEqualTo("io.newspipe.Thing");
    assertThat(json.toString()).contains("hello");
    JsonNode mdc = json.get("mdc");
    assertThat(mdc.get("article").asText()).isEqualTo("seeds:a1");
    assertThat(mdc.get("feed").asText()).isEqualTo("seeds");
    assertThat(mdc.get("stage").asText()).isEqualTo("enrich");
  }
}
