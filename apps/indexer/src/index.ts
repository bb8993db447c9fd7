/** What other apps compose (the cli's all-in-one process). */
export { IndexerModule } from './indexer.module';
export { IndexerConfig, loadIndexerConfig } from './indexer.config';
