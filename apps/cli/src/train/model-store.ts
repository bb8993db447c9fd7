import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEPLOYMENT_MODELS_FILE, DeploymentModels } from '@vigil/contracts';

/** The deployment's model file: read and validated, written atomically with the previous one kept beside it. */
export class ModelStore {
  constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, DEPLOYMENT_MODELS_FILE);
  }

  read(): DeploymentModels | undefined {
    if (!fs.existsSync(this.file)) return undefined;
    const parsed = DeploymentModels.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    if (!parsed.success) throw new Error(`${this.file} is not a model file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  }

  write(doc: DeploymentModels): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(doc));
    if (fs.existsSync(this.file)) fs.copyFileSync(this.file, path.join(this.dir, DEPLOYMENT_MODELS_FILE.replace('.json', '.previous.json')));
    fs.renameSync(tmp, this.file);
  }
}
