import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { formatPlanErrors, parsePlan, type Plan } from '@vigil/plan';

export class PlanFileError extends Error {}

/** Reads and validates a plan file synchronously; a bad file throws every `file:line:col path: message` line. */
export function readPlanFileSync(file: string): { plan: Plan; hash: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new PlanFileError(`${file}:1:1 (root): cannot read: ${(e as Error).message}`);
  }
  const r = parsePlan(text, file);
  if (!r.ok) throw new PlanFileError(`invalid contingency plan:\n${formatPlanErrors(r.errors)}`);
  return { plan: r.plan, hash: createHash('sha256').update(text).digest('hex') };
}

/**
 * The plan in force. Validated at start (a bad file stops the start); watched
 * afterwards, and a new version replaces it only when valid — a broken edit is
 * refused with its errors logged while the previous plan keeps running.
 */
@Injectable()
export class PlanStore implements OnModuleDestroy {
  private readonly logger = createLogger('responder');
  private current: Plan;
  private hash: string;
  private listener?: (cur: fs.Stats, prev: fs.Stats) => void;
  /** Bumped on every accepted reload (tests and logs). */
  version = 1;

  constructor(
    readonly file: string,
    initial: { plan: Plan; hash: string },
  ) {
    this.current = initial.plan;
    this.hash = initial.hash;
  }

  get plan(): Plan {
    return this.current;
  }

  /** Polls the file's stat: survives editors that replace the file by rename, unlike fs.watch. */
  watch(intervalMs: number): void {
    if (intervalMs <= 0 || this.listener) return;
    this.listener = (cur, prev) => {
      if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size) this.reload();
    };
    fs.watchFile(this.file, { interval: intervalMs, persistent: false }, this.listener);
  }

  /** Returns true when a new valid version was taken. */
  reload(): boolean {
    let next: { plan: Plan; hash: string };
    try {
      next = readPlanFileSync(this.file);
    } catch (e) {
      this.logger.error({ planFile: this.file, errors: (e as Error).message }, `plan reload refused; the previous plan stays in force:\n${(e as Error).message}`);
      return false;
    }
    if (next.hash === this.hash) return false;
    this.current = next.plan;
    this.hash = next.hash;
    this.version += 1;
    this.logger.info({ planFile: this.file, version: this.version, name: next.plan.name }, 'plan reloaded');
    return true;
  }

  onModuleDestroy(): void {
    // Only this store's listener: another instance in the process may watch the same file.
    if (this.listener) fs.unwatchFile(this.file, this.listener);
    this.listener = undefined;
  }
}
