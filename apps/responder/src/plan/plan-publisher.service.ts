import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Clock, CONFLICT, createLogger, retryOnConflict } from '@vigil/common';
import type { PlanRefusal, PlanSource, PublishedPlan } from '@vigil/contracts';
import { parsePlan, type PlanError } from '@vigil/plan';
import { PlanRepository } from './plan.repository';
import { PlanVersionsRepository } from './plan-versions.repository';
import { PlanStore, type FileOutcome, type PlanVersion } from './plan.store';

export interface Committed {
  doc: PublishedPlan | undefined;
  /** True when this call wrote the document. */
  wrote: boolean;
  /** What was there before (when this call wrote). */
  previous?: PublishedPlan;
}

/**
 * Keeps the published plan (`plan` index) and this process's PlanStore in step.
 *
 * - At start the file and the published plan are reconciled: the published version stays in
 *   force when the file is as it was when last read (so an edit made in the dashboard
 *   survives a restart); a file changed meanwhile is the newer edit and is published.
 * - Every outcome of the file watcher is published: a new version, or the refusal of a bad
 *   edit with its errors (the old plan stays in force and stays published).
 * - Versions published elsewhere (another instance, an edit applied by the instance that
 *   consumed it) are followed every `followMs` and taken into force here too.
 *
 * Everything runs one at a time (`exclusive`), so the file watcher, the follower and edits
 * from `plan.edits` never interleave their read-decide-write steps in this process; between
 * instances the writes are optimistic (retryOnConflict).
 */
@Injectable()
export class PlanPublisher implements OnModuleDestroy {
  private readonly logger = createLogger('responder');
  private chain: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private unsubscribe?: () => void;
  /** The highest published version this process has taken in (its own or followed). */
  private seenVersion = 0;

  constructor(
    private readonly store: PlanStore,
    private readonly plans: PlanRepository,
    private readonly versions: PlanVersionsRepository,
    private readonly clock: Clock,
  ) {}

  async start(followMs: number): Promise<void> {
    this.unsubscribe = this.store.onFileOutcome((o) => {
      if (this.stopped) return;
      this.exclusive(() => this.onFile(o)).catch((e: Error) => this.logger.error({ err: e.message }, 'publishing the plan file outcome failed'));
    });
    await this.exclusive(() => this.reconcile());
    if (followMs > 0) {
      this.timer = setInterval(() => {
        this.exclusive(() => this.follow()).catch((e: Error) => this.logger.warn({ err: e.message }, 'reading the published plan failed'));
      }, followMs);
      this.timer.unref();
    }
  }

  /** Runs `fn` after everything queued before it in this process. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => (this.stopped ? Promise.reject(new Error('the plan publisher has stopped')) : fn()));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Takes in a newer published version; returns the published plan. Call inside `exclusive`. */
  async follow(): Promise<PublishedPlan | undefined> {
    const stored = (await this.plans.stored())?.doc;
    if (!stored || stored.version <= this.seenVersion) return stored;
    this.seenVersion = stored.version;
    if (stored.hash !== this.store.current.hash) this.adoptPublished(stored);
    return stored;
  }

  /**
   * Publishes a version now in force (or about to be: an edit is published first, then
   * adopted). `expectHash`: write only over that published version (an edit's base).
   */
  async publish(version: PlanVersion, opts: { expectHash?: string } = {}): Promise<Committed> {
    const fileHash = this.store.fileHash;
    const r = await this.commit((stored) => {
      if (opts.expectHash !== undefined && stored?.hash !== opts.expectHash) return undefined;
      if (stored?.hash === version.hash) return stored.fileHash === fileHash ? undefined : { ...stored, fileHash };
      return {
        version: (stored?.version ?? 0) + 1,
        hash: version.hash,
        name: version.plan.name,
        text: version.text,
        plan: version.plan as unknown as Record<string, unknown>,
        loadedAt: this.clock.now().toISOString(),
        source: version.source,
        file: this.store.file,
        fileHash,
        ...(stored?.lastRefused ? { lastRefused: stored.lastRefused } : {}),
      };
    });
    if (r.doc) this.seenVersion = Math.max(this.seenVersion, r.doc.version);
    if (r.wrote && r.doc && r.doc.version !== r.previous?.version) {
      const { version: n, loadedAt, source, hash, name, text } = r.doc;
      await this.versions.record(`v${n}`, { outcome: 'accepted', version: n, at: loadedAt, source, hash, name, text });
      this.logger.info({ version: n, name, source: source.kind, actor: source.actor, requestId: source.requestId }, 'plan published');
    }
    return r;
  }

  /** Records a refused edit on the published plan (the version in force does not change) and in the audit trail. */
  async refuse(source: PlanSource, errors: PlanError[], text: string | undefined, hash: string | undefined): Promise<void> {
    const refusal: PlanRefusal = { at: this.clock.now().toISOString(), source, hash: hash ?? '', errors };
    const r = await this.commit((stored) => {
      if (!stored) return undefined;
      const last = stored.lastRefused;
      if (last && last.hash === refusal.hash && last.source.kind === source.kind && last.source.requestId === source.requestId) return undefined;
      return { ...stored, lastRefused: refusal };
    });
    if (!r.wrote) return;
    const id = source.requestId ? `refused:${source.requestId}` : `refused:file:${refusal.hash || 'unreadable'}`;
    await this.versions.record(id, { outcome: 'refused', at: refusal.at, source, hash: refusal.hash, text: text ?? '', errors });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    // Let a write in flight finish before the Elasticsearch client closes.
    await this.chain;
  }

  private async reconcile(): Promise<void> {
    const stored = (await this.plans.stored())?.doc;
    if (stored && stored.fileHash === this.store.fileHash && stored.hash !== this.store.current.hash) {
      if (this.adoptPublished(stored)) {
        this.seenVersion = stored.version;
        return;
      }
    }
    await this.publish(this.store.current);
  }

  private async onFile(o: FileOutcome): Promise<void> {
    if (o.kind === 'refused') return this.refuse({ kind: 'file', file: this.store.file }, o.errors, o.text, o.hash);
    // An edit taken in after the watcher fired is the later one: then only the file's hash is recorded.
    await this.publish(o.version.hash === this.store.current.hash ? o.version : this.store.current);
  }

  /** False when the published text no longer validates (a newer responder's rules): the file's plan stays. */
  private adoptPublished(doc: PublishedPlan): boolean {
    const parsed = parsePlan(doc.text, doc.source.file ?? 'published plan');
    if (!parsed.ok) {
      this.logger.error({ version: doc.version, errors: parsed.errors.length }, 'the published plan does not validate here; keeping the plan in force');
      return false;
    }
    this.store.adopt({ plan: parsed.plan, text: doc.text, hash: doc.hash, source: doc.source });
    return true;
  }

  /** Read, decide, write with optimistic concurrency; `mutate` returns undefined for "nothing to write". */
  private commit(mutate: (stored: PublishedPlan | undefined) => PublishedPlan | undefined): Promise<Committed> {
    return retryOnConflict(
      async () => {
        const stored = await this.plans.stored();
        const next = mutate(stored?.doc);
        if (!next) return { doc: stored?.doc, wrote: false };
        return (await this.plans.write(next, stored)) ? { doc: next, wrote: true, previous: stored?.doc } : CONFLICT;
      },
      { maxAttempts: 10, what: 'publishing the plan' },
    );
  }
}
