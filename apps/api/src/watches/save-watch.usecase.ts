import { Injectable } from '@nestjs/common';
import { WatchConfig, type ConfigAction, type WatchDoc } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { validateWatchRules, type WatchIssue } from '@vigil/watch';
import { resolveTaxonomy, TAXONOMY_PRESETS } from '@vigil/analysis';
import { WatchesRepository } from './watches.repository';

export type SaveResult =
  | { ok: true; watch: WatchDoc; warnings: WatchIssue[] }
  | { ok: false; status: 400 | 404 | 409; message: string; issues?: WatchIssue[] };

/** Creates, edits, deletes and restores watches, each change a new version with its history entry. */
@Injectable()
export class SaveWatchUseCase {
  private readonly logger = createLogger('api');

  constructor(
    private readonly repo: WatchesRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: unknown, actor: string): Promise<SaveResult> {
    const parsed = this.parse(input);
    if (!parsed.ok) return parsed;
    const now = this.clock.now().toISOString();
    const r = await this.repo.docs.create({ ...parsed.config, version: 1, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor });
    if (!r.ok) return r;
    this.logger.info({ watchId: r.doc.id, actor, version: 1 }, 'watch created');
    return { ok: true, watch: r.doc, warnings: parsed.warnings };
  }

  /** `expectedVersion`: the version the editor started from; a later save by someone else is a 409. */
  async update(id: string, input: unknown, expectedVersion: number | undefined, actor: string): Promise<SaveResult> {
    const parsed = this.parse({ ...(input as object), id });
    if (!parsed.ok) return parsed;
    return this.change(id, expectedVersion, actor, 'update', (current) => {
      if (current.deletedAt) return { ok: false, status: 409, message: `watch "${id}" is deleted; restore it first` };
      return { ok: true, next: { ...parsed.config, version: current.version, createdAt: current.createdAt, createdBy: current.createdBy, updatedAt: current.updatedAt, updatedBy: current.updatedBy } };
    }, parsed.warnings);
  }

  async delete(id: string, expectedVersion: number | undefined, actor: string): Promise<SaveResult> {
    return this.change(id, expectedVersion, actor, 'delete', (current) => {
      if (current.deletedAt) return { ok: false, status: 409, message: `watch "${id}" is already deleted` };
      return { ok: true, next: { ...current, deletedAt: this.clock.now().toISOString(), deletedBy: actor } };
    });
  }

  async restore(id: string, actor: string, note?: string): Promise<SaveResult> {
    return this.change(id, undefined, actor, 'restore', (current) => {
      if (!current.deletedAt) return { ok: false, status: 409, message: `watch "${id}" is not deleted` };
      const { deletedAt: _a, deletedBy: _b, ...rest } = current;
      return { ok: true, next: rest };
    }, [], note);
  }

  private async change(id: string, expectedVersion: number | undefined, actor: string, action: ConfigAction, next: Parameters<WatchesRepository['docs']['change']>[4], warnings: WatchIssue[] = [], note?: string): Promise<SaveResult> {
    const r = await this.repo.docs.change(id, expectedVersion, actor, action, next, this.clock.now().toISOString(), note);
    if (!r.ok) return r;
    this.logger.info({ watchId: id, actor, action, version: r.doc.version, changes: r.changes }, 'watch changed');
    return { ok: true, watch: r.doc, warnings };
  }

  /** The checks of a save, without saving: schema errors by field, rule errors with their position, warnings. */
  check(input: unknown): { ok: boolean; errors: WatchIssue[]; warnings: WatchIssue[] } {
    const r = this.parse(input);
    return r.ok ? { ok: true, errors: [], warnings: r.warnings } : { ok: false, errors: r.issues, warnings: [] };
  }

  private parse(input: unknown): { ok: true; config: WatchConfig; warnings: WatchIssue[] } | { ok: false; status: 400; message: string; issues: WatchIssue[] } {
    const r = WatchConfig.safeParse(input);
    if (!r.success) return { ok: false, status: 400, message: 'invalid watch', issues: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
    const v = validateWatchRules(r.data);
    if (resolveTaxonomy(r.data.taxonomy, TAXONOMY_PRESETS) === null) v.errors.push({ field: 'taxonomy.preset', message: `no preset "${r.data.taxonomy!.preset}" (${Object.keys(TAXONOMY_PRESETS).join(', ')})` });
    if (v.errors.length) return { ok: false, status: 400, message: 'invalid rule', issues: v.errors };
    return { ok: true, config: r.data, warnings: v.warnings };
  }
}
