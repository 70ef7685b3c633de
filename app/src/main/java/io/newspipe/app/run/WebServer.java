package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.Operations;
import io.newspipe.enrich.taxonomy.TagDefinition;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleQueries;
import io.newspipe.web.TagInfo;
import io.newspipe.web.WebBindException;
import io.newspipe.web.WebService;
import java.util.List;

/**
 * Starts the web UI and API as {@code up} and {@code web} run it: address from {@code web.host} /
 * {@code web.port}, the taxonomy's tags for the tag filter, live streams from the given Kafka.
 */
public final class WebServer {
  private WebServer() {}

  /**
   * Starts the web service on {@code runner} and waits until it is ready.
   *
   * @param operations the process's metrics (web requests and streams are counted there)
   * @param serveOperations whether {@code /metrics} and {@code /health/*} are served beside the API
   *     ({@code up}); the {@code web} command serves them on its management port only, since its
   *     web port usually faces users
   * @param otherwise appended to the advice when the port is taken, e.g. another flag to try
   * @throws IllegalArgumentException when the port is taken, saying how to choose another
   */
  public static WebService start(
      ServiceRunner runner,
      Settings settings,
      ArticleQueries store,
      KafkaConnection kafka,
      TopicSet topics,
      Taxonomy taxonomy,
      String otherwise,
      Operations operations,
      boolean serveOperations)
      throws InterruptedException {
    WebService.Builder builder =
        WebService.builder(store)
            .host(settings.getString(Settings.WEB_HOST))
            .port(settings.getInt(Settings.WEB_PORT))
            .tags(tags(taxonomy))
            .live(kafka.clientProps(), topics)
            .notify(Notify.api(settings, kafka, topics))
            .meters(operations.metrics().registry());
    if (serveOperations) {
      operations.handlers().forEach(builder::get);
    }
    WebService web = builder.build();
    try {
      return runner.start(web);
    } catch (WebBindException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              + " with --web-port PORT (or web.port in newspipe.yaml, NEWSPIPE_WEB_PORT in the"
              + " environment)"
              + otherwise,
          e);
    }
  }

  static List<TagInfo> tags(Taxonomy taxonomy) {
    return taxonomy.tags().stream().map(WebServer::tag).toList();
  }

  private static TagInfo tag(TagDefinition t) {
    return new TagInfo(t.id(), t.label(), t.description(), t.mediaTopics());
  }
}
