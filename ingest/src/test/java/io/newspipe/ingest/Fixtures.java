package io.newspipe.ingest;

import io.newspipe.ingest.format.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test fixtures written for newspipe (src/test/resources/fixtures) and a fixed clock. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The seed article every checkout has, relative to the module directory tests run in. */
  public static final Path SEED = Path.of("../seeds/blinken-meets-xi.txt");

  private Fixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An origin as if {@code name} were a file directly in directory {@code /data/fixtures}. */
  public static Origin origin(String name) {
    return Origin.file("test", Path.of("/data/fixtures"), Path.of("/data/fixtures", name));
  }
}
