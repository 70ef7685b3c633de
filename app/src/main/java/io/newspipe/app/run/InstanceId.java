package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The {@code group.instance.id} of one role (enrich, sink) of this process: Kafka static group
 * membership. A member that restarts under the same id takes its partitions back at once; a new
 * dynamic member would wait until the group coordinator declares the crashed one dead (the session
 * timeout, 45 s), which is what held a restarted {@code up} for most of a minute.
 *
 * <p>The id must be stable across restarts and unique among running instances. Configured ({@code
 * instance.id}), it is used as given, plus the role. Otherwise it is derived as {@code <host>-<hash
 * of the data dir>-<slot>-<role>}: the slot is the first whose lock file under {@code
 * <data.dir>/instance/} no other running process holds. The operating system releases the lock of a
 * killed process, so a restart claims the same slot, and a second process started on the same data
 * dir gets the next one instead of fencing the first. {@code instance.id=none} turns static
 * membership off. Hold the claim (it is the lock) for as long as the role runs.
 */
public final class InstanceId implements AutoCloseable {
  /** {@code instance.id} value that turns static membership off. */
  public static final String DYNAMIC = "none";

  private static final int MAX_SLOTS = 64;

  private final String id;
  private final FileChannel lockFile;

  private InstanceId(String id, FileChannel lockFile) {
    this.id = id;
    this.lockFile = lockFile;
  }

  /** The id of {@code role} in this process, claimed until {@link #close()}. */
  public static InstanceId claim(Settings settings, String role) {
    String configured = settings.getString(Settings.INSTANCE_ID).strip();
    if (configured.equalsIgnoreCase(DYNAMIC)) {
      return new InstanceId(null, null);
    }
    if (!configured.isEmpty()) {
      return new InstanceId(configured + "-" + role, null);
    }
    return derive(settings.dataDir(), role);
  }

  static InstanceId derive(Path dataDir, String role) {
    Path dir = dataDir.toAbsolutePath().normalize().resolve("instance");
    String base = host() + "-" + shortHash(dir.getParent().toString());
    try {
      Files.createDirectories(dir);
      for (int slot = 1; slot <= MAX_SLOTS; slot++) {
        FileChannel ch =
            FileChannel.open(
                dir.resolve(role + "-" + slot + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held by this very JVM (tests running two pipelines)
        }
        if (lock != null) {
          return new InstanceId(base + "-" + slot + "-" + role, ch);
        }
        ch.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot claim an instance id under "
              + dir
              + " ("
              + e.getMessage()
              + "); make data.dir writable, or set instance.id (unique per instance)",
          e);
    }
    throw new IllegalStateException(
        MAX_SLOTS
            + " processes already run "
            + role
            + " on data dir "
            + dir.getParent()
            + "; stop some, or set instance.id (unique per instance)");
  }

  /** The id, or null for dynamic membership. */
  public String value() {
    return id;
  }

  /** {@code props} with {@code group.instance.id} set (unchanged when dynamic). */
  public Map<String, Object> applyTo(Map<String, Object> props) {
    if (id != null) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
    }
    return props;
  }

  /** Releases the slot. */
  @Override
  public void close() throws IOException {
    if (lockFile != null) {
      lockFile.close();
    }
  }

  private static String host() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        name = "localhost";
      }
    }
    String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    return clean.length() > 60 ? clean.substring(0, 60) : clean;
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
