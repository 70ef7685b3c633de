package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.app.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceIdTest {
  @TempDir Path dir;

  private Settings settings(Path dataDir, String instanceId) {
    return new Settings(
        Map.of(Settings.DATA_DIR, dataDir.toString(), Settings.INSTANCE_ID, instanceId));
  }

  @Test
  void shouldClaimTheSameIdAgainOnceTheHolderIsGone() throws Exception {
    String first;
    try (InstanceId id = InstanceId.claim(settings(dir, ""), "sink")) {
      first = id.value();
    }
    try (InstanceId again = InstanceId.claim(settings(dir, ""), "sink")) {
      assertThat(again.value()).isEqualTo(first).endsWith("-1-sink");
    }
  }

  @Test
  void shouldGiveASecondRunningInstanceOnTheSameDataDirAnotherId() throws Exception {
    try (InstanceId one = InstanceId.claim(settings(dir, ""), "sink");
        InstanceId two = InstanceId.claim(settings(dir, ""), "sink");
        InstanceId enrich = InstanceId.claim(settings(dir, ""), "enrich")) {
      assertThat(one.value()).endsWith("-1-sink");
      assertThat(two.value()).endsWith("-2-sink");
      assertThat(enrich.value()).endsWith("-1-enrich");
    }
  }

  @Test
  void shouldGiveInstancesOnOtherDataDirsOtherIds() throws Exception {
    try (InstanceId a = InstanceId.claim(settings(dir.resolve("a"), ""), "sink");
        InstanceId b = InstanceId.claim(settings(dir.resolve("b"), ""), "sink")) {
      assertThat(a.value()).isNotEqualTo(b.value());
    }
  }

  @Test
  void shouldUseAConfiguredIdWithTheRoleOrNoneForDynamicMembership() throws Exception {
    try (InstanceId id = InstanceId.claim(settings(dir, "web-7"), "enrich")) {
      assertThat(id.value()).isEqualTo("web-7-enrich");
      assertThat(id.applyTo(new HashMap<>())).containsEntry("group.instance.id", "web-7-enrich");
    }
    try (InstanceId none = InstanceId.claim(settings(dir, "none"), "enrich")) {
      assertThat(none.value()).isNull();
      assertThat(none.applyTo(new HashMap<>())).doesNotContainKey("group.instance.id");
    }
  }
}
