export { createDetector, type Detector, type DetectorOutput, type DetectorSnapshot, type DetectorStats } from './detector';
export { DEFAULT_CONFIG, resolveConfig, type DetectionConfig, type DeepPartial } from './config';
export { assessSeverity, type SeverityInput } from './severity';
export { minhash, estimateJaccard, shingles, bandKeys } from './minhash';
export { poissonTailScore } from './poisson';
export { clusterIdFor, ClusterRecord } from './cluster-record';
export { clusterSeverity } from './signals';
