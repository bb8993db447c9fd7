import fs from 'node:fs';
import path from 'node:path';
import { DEPLOYMENT_MODELS_FILE, DeploymentModels } from '@vigil/contracts';
import { fromDeploymentModels, type SentimentModels } from '@vigil/analysis';

/**
 * The deployment's own sentiment models (`vigil train` writes them), when the directory holds
 * one; otherwise the shipped models. A file that does not parse stops the start with its reason.
 */
export function loadDeploymentModels(dir: string | undefined): Partial<SentimentModels> | undefined {
  if (!dir) return undefined;
  const file = path.join(dir, DEPLOYMENT_MODELS_FILE);
  if (!fs.existsSync(file)) return undefined;
  const parsed = DeploymentModels.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`ANALYSIS_MODEL_DIR: ${file} is not a model file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return fromDeploymentModels(parsed.data);
}
