package io.newspipe.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** Size and modification time of a file: when both stay put, the writer is done. */
record FileStamp(long size, FileTime modified) {

  /** The current stamp, or null if the file is gone or unreadable. */
  static FileStamp of(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile()
          ? new FileStamp(attributes.size(), attributes.lastModifiedTime())
          : null;
    } catch (IOException e) {
      return null;
    }
  }
}
