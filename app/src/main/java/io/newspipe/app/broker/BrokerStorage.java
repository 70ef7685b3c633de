package io.newspipe.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's data directory: formatted once with Kafka's own {@link Formatter} (what {@code
 * kafka-storage.sh format} runs), then reused with the same cluster id on every later start.
 */
final class BrokerStorage {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerStorage.class);

  /** Written by the formatter into every log directory. */
  static final String META_PROPERTIES = "meta.properties";

  /** Locked by Kafka's log manager while a broker uses the directory. */
  static final String LOCK_FILE = ".lock";

  private final Path dir;

  BrokerStorage(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dir() {
    return dir;
  }

  /** The cluster id the directory was formatted with, or empty if it was never formatted. */
  Optional<String> clusterId() {
    Path meta = dir.resolve(META_PROPERTIES);
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      props.load(in);
    } catch (IOException e) {
      throw new BrokerException(
          "cannot read " + meta + ": " + e.getMessage() + "; fix its permissions or delete " + dir,
          e);
    }
    return Optional.ofNullable(props.getProperty("cluster.id"));
  }

  /** Formats the directory with a new cluster id unless it already holds a formatted broker. */
  String formatIfNeeded() {
    Optional<String> existing = clusterId();
    if (existing.isPresent()) {
      return existing.get();
    }
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Files.createDirectories(dir);
      new Formatter()
          .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
          .setNodeId(BrokerConfig.NODE_ID)
          .setClusterId(clusterId)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName(BrokerConfig.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dir.toString())
          .addDirectory(dir.toString())
          .run();
    } catch (Exception e) {
      throw new BrokerException(
          "could not format Kafka storage in " + dir + ": " + e.getMessage(), e);
    }
    LOG.info("formatted new Kafka storage in {} (cluster id {})", dir, clusterId);
    LOG.debug("formatter said: {}", out.toString(StandardCharsets.UTF_8).trim());
    return clusterId;
  }

  /**
   * Fails if another broker holds the directory's lock. Kafka would fail too, but deep inside its
   * startup and with a message that does not say what to do.
   */
  void checkNotLocked(String inUseMessage) {
    Path lock = dir.resolve(LOCK_FILE);
    if (!Files.exists(lock)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock held = channel.tryLock();
      if (held == null) {
        throw new BrokerException(inUseMessage);
      }
      held.release();
    } catch (OverlappingFileLockException e) {
      throw new BrokerException(inUseMessage, e);
    } catch (IOException e) {
      throw new BrokerException("cannot check the lock " + lock + ": " + e.getMessage(), e);
    }
  }
}
