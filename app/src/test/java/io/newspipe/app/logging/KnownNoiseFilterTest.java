package io.newspipe.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnownNoiseFilterTest {

  private LoggerContext context;
  private ListAppender<ILoggingEvent> printed;

  @BeforeEach
  void setUp() {
    context = new LoggerContext();
    KnownNoiseFilter filter = new KnownNoiseFilter();
    filter.start();
    context.addTurboFilter(filter);
    printed = new ListAppender<>();
    printed.setContext(context);
    printed.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(printed);
  }

  @Test
  void shouldHideTheBrokersErrorForARetriedTransactionalSequenceRace() {
    context
        .getLogger("kafka.server.ReplicaManager")
        .error(
            "[ReplicaManager broker=1] Error processing append operation on partition x:t-0",
            new OutOfOrderSequenceException("Invalid sequence number for producer 2"));

    assertThat(printed.list).isEmpty();
  }

  @Test
  void shouldHideTheProducersRetryWarningsForThatRace() {
    Logger sender = context.getLogger("org.apache.kafka.clients.producer.internals.Sender");
    String retry =
        "[Producer clientId=p] Got error produce response with correlation id {} on"
            + " topic-partition {}, retrying ({} attempts left). Error: {}";
    sender.warn(retry, 154, "t-0", 2147483646, Errors.CONCURRENT_TRANSACTIONS);
    sender.warn(retry, 155, "t-0", 2147483646, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);

    assertThat(printed.list).isEmpty();
  }

  @Test
  void shouldKeepOtherAppendErrorsAndOtherProduceRetries() {
    context
        .getLogger("kafka.server.ReplicaManager")
        .error(
            "[ReplicaManager broker=1] Error processing append operation on partition x:t-0",
            new IllegalStateException("disk full"));
    context
        .getLogger("org.apache.kafka.clients.producer.internals.Sender")
        .warn(
            "[Producer clientId=p] Got error produce response with correlation id {} on"
                + " topic-partition {}, retrying ({} attempts left). Error: {}",
            7,
            "t-0",
            3,
            Errors.NOT_LEADER_OR_FOLLOWER);

    assertThat(printed.list).hasSize(2);
  }
}
