import fs from 'node:fs';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import type { PlanSource } from '@vigil/contracts';
import { formatPlanErrors, type Plan, type PlanError } from '@vigil/plan';
import { readPlanFile } from './plan-file';

export { PlanFileError, readPlanFileSync } from './plan-file';

/** A version of the plan: what the use cases run, and what the publisher stores. */
export interface PlanVersion {
  plan: Plan;
  /** The YAML as written. */
  text: string;
  hash: string;
  source: PlanSource;
}

/** What a look at the plan file found: a valid new text (taken into force), or a refused one. */
export type FileOutcome = { kind: 'accepted'; version: PlanVersion; fileHash: string } | { kind: 'refused'; errors: PlanError[]; text?: string; hash?: string };

/**
 * The plan in force in this process, read synchronously by every use case. Validated at
 * start (a bad file stops the start); the file is watched afterwards and a new version
 * replaces the plan only when valid — a broken edit is refused with its errors while the
 * previous plan keeps running. The PlanPublisher hears every outcome (to publish it) and
 * brings in versions from elsewhere (an edit in the dashboard, another instance) by `adopt`.
 */
@Injectable()
export class PlanStore implements OnModuleDestroy {
  private readonly logger = createLogger('responder');
  private inForce: PlanVersion;
  /** The file's text as last read valid: a file edit is a change only when it differs from this. */
  private fileHashSeen: string;
  private listener?: (cur: fs.Stats, prev: fs.Stats) => void;
  private readonly outcomeListeners = new Set<(o: FileOutcome) => void>();
  /** Bumped on every version taken into force in this process (tests and logs). */
  version = 1;

  constructor(
    readonly file: string,
    initial: { plan: Plan; hash: string; text: string },
  ) {
    this.inForce = { ...initial, source: { kind: 'file', file } };
    this.fileHashSeen = initial.hash;
  }

  get plan(): Plan {
    return this.inForce.plan;
  }

  get current(): PlanVersion {
    return this.inForce;
  }

  get fileHash(): string {
    return this.fileHashSeen;
  }

  /** Called with the outcome of every look at the file that found something new. */
  onFileOutcome(listener: (o: FileOutcome) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  /** Polls the file's stat: survives editors that replace the file by rename, unlike fs.watch. */
  watch(intervalMs: number): void {
    if (intervalMs <= 0 || this.listener) return;
    this.listener = (cur, prev) => {
      if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size) this.reload();
    };
    fs.watchFile(this.file, { interval: intervalMs, persistent: false }, this.listener);
  }

  /** Reads the file again; returns true when a new valid version was taken into force. */
  reload(): boolean {
    const r = readPlanFile(this.file);
    if (!r.ok) {
      const message = formatPlanErrors(r.errors);
      this.logger.error({ planFile: this.file, errors: message }, `plan reload refused; the previous plan stays in force:\n${message}`);
      this.emit({ kind: 'refused', errors: r.errors, text: r.text, hash: r.hash });
      return false;
    }
    if (r.hash === this.fileHashSeen) return false;
    this.fileHashSeen = r.hash;
    const version: PlanVersion = { plan: r.plan, text: r.text, hash: r.hash, source: { kind: 'file', file: this.file } };
    const changed = r.hash !== this.inForce.hash;
    if (changed) this.adopt(version);
    this.emit({ kind: 'accepted', version: changed ? version : this.inForce, fileHash: r.hash });
    return changed;
  }

  /** Takes a version into force (validated by the caller). */
  adopt(version: PlanVersion): void {
    this.inForce = version;
    this.version += 1;
    this.logger.info({ planFile: this.file, version: this.version, name: version.plan.name, source: version.source.kind, actor: version.source.actor }, 'plan reloaded');
  }

  onModuleDestroy(): void {
    // Only this store's listener: another instance in the process may watch the same file.
    if (this.listener) fs.unwatchFile(this.file, this.listener);
    this.listener = undefined;
    this.outcomeListeners.clear();
  }

  private emit(outcome: FileOutcome): void {
    for (const l of this.outcomeListeners) l(outcome);
  }
}
