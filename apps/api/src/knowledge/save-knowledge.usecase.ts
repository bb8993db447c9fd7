import { Injectable } from '@nestjs/common';
import { KnowledgeEntryInput, type KnowledgeEntry } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { checkKnowledgeEntry, holdsAny, type KnowledgeIssue } from '@vigil/plan';
import type { Principal } from '../auth/roles';
import { PlanInForce } from '../plan/plan-in-force';
import { KnowledgeRepository } from './knowledge.repository';

export type SaveKnowledgeResult =
  | { ok: true; entry: KnowledgeEntry }
  | { ok: false; status: 400 | 403 | 404 | 409; message: string; issues?: KnowledgeIssue[] };

/**
 * Creates, edits and retires knowledge-base entries. Admins and the plan's approver roles
 * (the leads) manage them; an edit names the version it started from, a later save by someone else
 * is a 409 (like watches). Each change is a new version with its history entry.
 */
@Injectable()
export class SaveKnowledgeUseCase {
  private readonly logger = createLogger('api');

  constructor(
    private readonly repo: KnowledgeRepository,
    private readonly plans: PlanInForce,
    private readonly clock: Clock,
  ) {}

  /** Admins, and members of the plan's approver roles (the leads who approve remedies above the limit). */
  async mayManage(p: Principal): Promise<boolean> {
    if (p.role === 'admin') return true;
    if (p.role !== 'responder') return false;
    const plan = await this.plans.current();
    return holdsAny(plan, p.name, plan.authority.approverRoles);
  }

  async create(input: unknown, p: Principal): Promise<SaveKnowledgeResult> {
    const parsed = await this.parse(input, p);
    if (!parsed.ok) return parsed;
    const now = this.clock.now().toISOString();
    const r = await this.repo.docs.create({ ...parsed.entry, version: 1, createdAt: now, createdBy: p.name, updatedAt: now, updatedBy: p.name });
    if (!r.ok) return r;
    this.logger.info({ entryId: r.doc.id, actor: p.name, version: 1 }, 'knowledge entry created');
    return { ok: true, entry: r.doc };
  }

  async update(id: string, input: unknown, expectedVersion: number | undefined, p: Principal): Promise<SaveKnowledgeResult> {
    const parsed = await this.parse({ ...(input as object), id }, p);
    if (!parsed.ok) return parsed;
    return this.change(id, expectedVersion, p, 'update', (current) => {
      if (current.deletedAt) return { ok: false, status: 409, message: `knowledge entry "${id}" is retired; restore it first` };
      return { ok: true, next: { ...parsed.entry, version: current.version, createdAt: current.createdAt, createdBy: current.createdBy, updatedAt: current.updatedAt, updatedBy: current.updatedBy } };
    });
  }

  /** Retired: no longer offered or usable; tickets that used it keep its id and version. */
  async retire(id: string, expectedVersion: number | undefined, p: Principal): Promise<SaveKnowledgeResult> {
    if (!(await this.mayManage(p))) return forbidden(p);
    return this.change(id, expectedVersion, p, 'delete', (current) => {
      if (current.deletedAt) return { ok: false, status: 409, message: `knowledge entry "${id}" is already retired` };
      return { ok: true, next: { ...current, deletedAt: this.clock.now().toISOString(), deletedBy: p.name } };
    });
  }

  private async change(id: string, expectedVersion: number | undefined, p: Principal, action: 'update' | 'delete', next: Parameters<KnowledgeRepository['docs']['change']>[4]): Promise<SaveKnowledgeResult> {
    const r = await this.repo.docs.change(id, expectedVersion, p.name, action, next, this.clock.now().toISOString());
    if (!r.ok) return r;
    this.logger.info({ entryId: id, actor: p.name, action, version: r.doc.version, changes: r.changes }, 'knowledge entry changed');
    return { ok: true, entry: r.doc };
  }

  /** The schema by field, then the rules: placeholders every ticket can fill, and authority in line with the plan's money limit. */
  private async parse(input: unknown, p: Principal): Promise<{ ok: true; entry: KnowledgeEntryInput } | Extract<SaveKnowledgeResult, { ok: false }>> {
    if (!(await this.mayManage(p))) return forbidden(p);
    const r = KnowledgeEntryInput.safeParse(input);
    if (!r.success) return { ok: false, status: 400, message: 'invalid knowledge entry', issues: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
    const plan = await this.plans.current();
    const issues = checkKnowledgeEntry(r.data, plan.authority.frontlineMoneyLimit);
    if (issues.length) return { ok: false, status: 400, message: `invalid knowledge entry: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues };
    return { ok: true, entry: r.data };
  }
}

function forbidden(p: Principal): Extract<SaveKnowledgeResult, { ok: false }> {
  return { ok: false, status: 403, message: `${p.name} may not manage the knowledge base: that needs an admin or a member of the plan's approver roles` };
}
