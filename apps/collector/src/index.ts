/** What other apps compose or reuse (the cli's all-in-one process, its demo keys, the mask replays apply too). */
export { CollectorModule } from './collector.module';
export { CollectorConfig, loadCollectorConfig } from './collector.config';
export { createIntakeKey } from './intake/intake-keys';
export { maskRawMention } from './privacy/mask-raw-mention';
