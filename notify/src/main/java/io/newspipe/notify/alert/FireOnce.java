package io.newspipe.notify.alert;

import io.newspipe.schemas.Alert;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each alert id (rule and story) through once: the store {@value #STORE} remembers when it
 * fired. Runs on records keyed by alert id, and under exactly-once the store and the output commit
 * together, so a restart neither repeats nor loses an alert.
 */
public final class FireOnce implements FixedKeyProcessor<String, Alert, Alert> {

  public static final String STORE = "alerts-fired";

  private FixedKeyProcessorContext<String, Alert> context;
  private KeyValueStore<String, Long> fired;

  @Override
  public void init(FixedKeyProcessorContext<String, Alert> context) {
    this.context = context;
    this.fired = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Alert> record) {
    if (record.value() == null || fired.get(record.key()) != null) {
      return;
    }
    fired.put(record.key(), record.timestamp());
    context.forward(record);
  }
}
