/** What other apps compose or drive (the cli's all-in-one process and its replay). */
export { DetectorModule } from './detector.module';
export { DetectorConfig, loadDetectorConfig } from './detector.config';
export { DetectMentionsUseCase } from './detect-mentions.usecase';
export { detectorStateGroup } from './detector.tokens';
