package io.newspipe.enrich.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB state store of this JVM together: one block cache of
 * {@value #TOTAL_MIB} MiB shared by all stores (index and filter blocks included), of which the
 * memtables may take {@value #MEMTABLE_MIB} MiB. Without it each store opens its own 50 MB cache
 * and 3 × 16 MB memtables, so resident memory grows with the number of stores and partitions. This
 * is the pattern Kafka Streams documents ("RocksDB: bounded memory usage"); it changes where bytes
 * live, never what a store holds.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

  static final long TOTAL_MIB = 64;
  static final long MEMTABLE_MIB = 16;

  private static final Cache CACHE = new LRUCache(TOTAL_MIB * 1024 * 1024, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS =
      new WriteBufferManager(MEMTABLE_MIB * 1024 * 1024, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
    // No periodic statistics dump: its timer thread (DBImpl::DumpStats) crashed the JVM once as it
    // exited after a stop (SIGSEGV in InternalStats, hs_err of a kill -9 soak run), and nobody
    // reads RocksDB's own LOG here; newspipe's metrics come from Streams.
    options.setStatsDumpPeriodSec(0);
    options.setStatsPersistPeriodSec(0);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: never closed here.
  }
}
