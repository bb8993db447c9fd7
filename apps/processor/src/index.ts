/** What other apps compose (the cli's all-in-one process) and reuse (watch files and the runtime for `vigil analyze --watch`, replays, the demo seed). */
export { ProcessorModule } from './processor.module';
export { ProcessorConfig, loadProcessorConfig } from './processor.config';
export { loadReferenceData, type ReferenceData } from './models/reference-data';
export { loadDeploymentModels } from './models/deployment-models';
export { foldCorrections, type FoldedCorrections } from './models/update-models.usecase';
export { loadWatchesFile, parseWatchesFile, WatchesFileError } from './watches/watches-file';
export { buildWatchRuntime, type WatchRuntime } from './watches/watch-runtime';
