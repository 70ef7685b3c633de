package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbTest {

  static {
    RocksDB.loadLibrary();
  }

  @Test
  void shouldShareOneCacheAndRunNoStatisticsDumpTimer() {
    try (Options options = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
      new BoundedRocksDb().setConfig("story-bands", options, Map.of());

      assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(options.statsDumpPeriodSec()).isZero();
      assertThat(options.statsPersistPeriodSec()).isZero();
    }
  }
}
