package io.newspipe.read.replay;

import io.newspipe.read.ArticleLines;
import io.newspipe.schemas.TaggedArticle;
import java.io.PrintWriter;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code --to -}: one line per article on standard output, text or JSON. */
public final class PrintOutput implements ReplayOutput {
  private final PrintWriter out;
  private final ArticleLines.Format format;
  private final Set<String> focus;

  public PrintOutput(PrintWriter out, ArticleLines.Format format, Set<String> focus) {
    this.out = out;
    this.format = format;
    this.focus = focus;
  }

  @Override
  public void write(ConsumerRecord<byte[], byte[]> record, TaggedArticle article) {
    out.println(ArticleLines.line(article, record.timestamp(), format, focus));
  }

  @Override
  public void close() {
    out.flush();
  }
}
