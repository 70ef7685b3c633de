package io.newspipe.ingest.source;

import java.io.IOException;

/** A document over {@link SourceSettings#maxDocumentBytes()}: refused before it is buffered. */
public final class DocumentTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  public DocumentTooLargeException(String document, long size, long limit) {
    super(
        document
            + " is "
            + (size < 0 ? "more than " + limit : String.valueOf(size))
            + " bytes, over the "
            + limit
            + "-byte limit for one document: split it into smaller files, or raise the"
            + " ingest document size limit");
  }
}
