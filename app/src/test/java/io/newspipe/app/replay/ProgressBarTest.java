package io.newspipe.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void shouldShowShareRateAndEta() {
    assertThat(ProgressBar.render(2_500, 10_000, 2_500, 5.0))
        .isEqualTo("retag [########......................]  25%  2,500/10,000  500/s  ETA 0:15");
  }

  @Test
  void shouldWritePlainLinesWhenNotOnATerminal() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), false);
    bar.progress(10, 100);
    bar.progress(100, 100);
    assertThat(err.toString()).doesNotContain("\r").contains("10/100").contains("100/100");
    assertThat(err.toString().lines()).hasSize(2);
  }
}
