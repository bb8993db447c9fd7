/** What other apps compose (the cli's all-in-one process). */
export { ProcessorModule } from './processor.module';
export { ProcessorConfig, loadProcessorConfig } from './processor.config';
export { loadReferenceData, type ReferenceData } from './models/reference-data';
export { loadDeploymentModels } from './models/deployment-models';
