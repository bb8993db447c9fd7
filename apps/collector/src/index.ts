/** What other apps compose or reuse (the cli's all-in-one process and its demo keys). */
export { CollectorModule } from './collector.module';
export { CollectorConfig, loadCollectorConfig } from './collector.config';
export { createIntakeKey } from './intake/intake-keys';
