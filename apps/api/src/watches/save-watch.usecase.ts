import { Injectable } from '@nestjs/common';
import { WatchConfig, type ConfigAction, type WatchDoc } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { validateWatchRules, type WatchIssue } from '@vigil/watch';
import { WatchesRepository, type Versioned } from './watches.repository';
import { changedFields, changeOf } from './watch-changes';

export type SaveResult =
  | { ok: true; watch: WatchDoc; warnings: WatchIssue[] }
  | { ok: false; status: 400 | 404 | 409; message: string; issues?: WatchIssue[] };

/**
 * Creates, edits, deletes and restores watches, each change a new version with its history
 * entry (who, when, which fields, the document after). The current document is written first
 * and its history entry after; a crash in between leaves that entry missing, and the next change
 * of the watch writes it (from the document, which holds everything it needs) before its own.
 */
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
    const doc: WatchDoc = { ...parsed.config, version: 1, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
    if (!(await this.repo.create(doc))) return { ok: false, status: 409, message: `a watch with id "${doc.id}" exists (a deleted one can be restored)` };
    await this.repo.recordChange(changeOf('watch', doc, 'create', changedFields(undefined, doc)));
    this.logger.info({ watchId: doc.id, actor, version: 1 }, 'watch created');
    return { ok: true, watch: doc, warnings: parsed.warnings };
  }

  /** `expectedVersion`: the version the editor started from; a later save by someone else is a 409. */
  async update(id: string, input: unknown, expectedVersion: number | undefined, actor: string): Promise<SaveResult> {
    const parsed = this.parse({ ...(input as object), id });
    if (!parsed.ok) return parsed;
    return this.change(id, expectedVersion, actor, 'update', (current) => {
      if (current.deletedAt) return { ok: false, status: 409, message: `watch "${id}" is deleted; restore it first` };
      return { ok: true, next: { ...parsed.config, createdAt: current.createdAt, createdBy: current.createdBy } };
    }, parsed.warnings);
  }

  async delete(id: string, expectedVersion: number | undefined, actor: string): Promise<SaveResult> {
    return this.change(id, expectedVersion, actor, 'delete', (current) => {
      if (current.deletedAt) return { ok: false, status: 409, message: `watch "${id}" is already deleted` };
      return { ok: true, next: { ...current, deletedAt: this.clock.now().toISOString(), deletedBy: actor } };
    });
  }

  async restore(id: string, actor: string): Promise<SaveResult> {
    return this.change(id, undefined, actor, 'restore', (current) => {
      if (!current.deletedAt) return { ok: false, status: 409, message: `watch "${id}" is not deleted` };
      const { deletedAt: _a, deletedBy: _b, ...rest } = current;
      return { ok: true, next: rest };
    });
  }

  private async change(
    id: string,
    expectedVersion: number | undefined,
    actor: string,
    action: ConfigAction,
    next: (current: WatchDoc) => { ok: true; next: Omit<WatchDoc, 'version' | 'updatedAt' | 'updatedBy'> } | { ok: false; status: 409; message: string },
    warnings: WatchIssue[] = [],
  ): Promise<SaveResult> {
    const current: Versioned<WatchDoc> | undefined = await this.repo.getVersioned(id);
    if (!current) return { ok: false, status: 404, message: `no watch "${id}"` };
    if (expectedVersion !== undefined && expectedVersion !== current.doc.version) {
      return { ok: false, status: 409, message: `watch "${id}" was changed by ${current.doc.updatedBy} at ${current.doc.updatedAt} (version ${current.doc.version}, you edited ${expectedVersion}); reload it` };
    }
    const n = next(current.doc);
    if (!n.ok) return n;
    // Heals a history entry a crash may have left unwritten (idempotent when it exists).
    await this.repo.recordChangeIfMissing(changeOf('watch', current.doc, current.doc.version === 1 ? 'create' : 'update', []));
    const doc: WatchDoc = { ...n.next, version: current.doc.version + 1, updatedAt: this.clock.now().toISOString(), updatedBy: actor };
    if (!(await this.repo.replace(doc, current))) return { ok: false, status: 409, message: `watch "${id}" was changed by someone else meanwhile; reload it` };
    const changes = changedFields(current.doc as unknown as Record<string, unknown>, doc as unknown as Record<string, unknown>);
    await this.repo.recordChange(changeOf('watch', doc, action, action === 'update' ? changes : [...changes, 'deletedAt'].filter((v, i, a) => a.indexOf(v) === i)));
    this.logger.info({ watchId: id, actor, action, version: doc.version, changes }, 'watch changed');
    return { ok: true, watch: doc, warnings };
  }

  private parse(input: unknown): { ok: true; config: WatchConfig; warnings: WatchIssue[] } | { ok: false; status: 400; message: string; issues: WatchIssue[] } {
    const r = WatchConfig.safeParse(input);
    if (!r.success) return { ok: false, status: 400, message: 'invalid watch', issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    const v = validateWatchRules(r.data);
    if (v.errors.length) return { ok: false, status: 400, message: 'invalid rule', issues: v.errors };
    return { ok: true, config: r.data, warnings: v.warnings };
  }
}
