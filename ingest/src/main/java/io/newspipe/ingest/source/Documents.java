package io.newspipe.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Bounded reads: no source ever buffers more than its configured limit. */
final class Documents {

  private Documents() {}

  /** Reads the whole stream, or fails as soon as it proves longer than {@code limit}. */
  static byte[] readAtMost(InputStream in, long limit, String document) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw new DocumentTooLargeException(document, -1, limit);
    }
    return bytes;
  }

  /** The first {@code max} bytes, for rejected payloads. */
  static byte[] prefix(byte[] bytes, int max) {
    return bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
  }
}
