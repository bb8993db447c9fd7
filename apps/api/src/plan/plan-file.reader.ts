import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { loadPlanFile, type Plan } from '@vigil/plan';
import { API_CONFIG, type ApiConfig } from '../api.config';

/**
 * The plan in force for the api's own decisions (who may open a contact), read from PLAN_FILE and
 * read again when the file changes. A broken edit keeps the last good plan, like the responder does.
 */
@Injectable()
export class PlanFileReader {
  private cached?: { mtimeMs: number; size: number; plan: Plan };

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async current(): Promise<Plan> {
    const file = path.resolve(this.config.PLAN_FILE);
    const s = await stat(file).catch(() => undefined);
    if (this.cached && (!s || (s.mtimeMs === this.cached.mtimeMs && s.size === this.cached.size))) return this.cached.plan;
    const r = await loadPlanFile(file, (p) => readFile(p, 'utf8'));
    if (r.ok && s) this.cached = { mtimeMs: s.mtimeMs, size: s.size, plan: r.plan };
    if (this.cached) return this.cached.plan;
    throw new ServiceUnavailableException('the contingency plan cannot be read; nothing that depends on it can be decided');
  }
}
