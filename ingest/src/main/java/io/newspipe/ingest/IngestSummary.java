package io.newspipe.ingest;

/**
 * What one ingest run did, for the CLI's closing line. Counts are taken after a flush, so they are
 * acknowledged sends.
 *
 * @param filesRead files read from the source directories (parsed or rejected)
 * @param filesRejected files (and stdin documents or lines) that could not be ingested
 * @param published articles acknowledged on the raw topic
 * @param deadLettered rejected documents acknowledged on the dead-letter topic
 * @param failed sends that failed (see the log)
 */
public record IngestSummary(
    long filesRead, long filesRejected, long published, long deadLettered, long failed) {

  @Override
  public String toString() {
    return String.format(
        "%d file(s) read, %d article(s) published, %d document(s) dead-lettered, %d send(s)"
            + " failed",
        filesRead, published, deadLettered, failed);
  }
}
