/** What other apps compose (the cli's all-in-one process). */
export { ProcessorModule } from './processor.module';
export { ProcessorConfig, loadProcessorConfig } from './processor.config';
