/** Re-exported for the scripts: the preprocessing lives with the trainer in libs/analysis. */
export { modelFeatures } from '../../libs/analysis/src/training/prepare';
