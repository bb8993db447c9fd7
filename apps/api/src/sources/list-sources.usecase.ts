import { Injectable } from '@nestjs/common';
import type { SourceDoc, SourceHealth } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { SourcesReader, SourceStateReader } from '@vigil/search';
import { maskSecrets } from './source-form';
import type { SourceRow } from './sources.dto';

/** Every source with its health: managed ones (deleted too when asked), and any the collector reports that the store lacks. */
@Injectable()
export class ListSourcesUseCase {
  constructor(
    private readonly states: SourceStateReader,
    private readonly sources: SourcesReader,
    private readonly clock: Clock,
  ) {}

  async execute(opts: { includeDeleted?: boolean } = {}): Promise<SourceRow[]> {
    const now = this.clock.now();
    const [all, health] = await Promise.all([this.sources.list({ includeDeleted: true }), this.states.health(now)]);
    const byId = new Map(health.map((h) => [h.sourceId, h]));
    const docs = opts.includeDeleted ? all : all.filter((d) => !d.deletedAt);
    const rows: SourceRow[] = docs.map((d) => withDoc(byId.get(d.id) ?? neverPolled(d.id, now), d));
    // The collector's state of a deleted source stays (its history); it is not listed as a live source.
    const managed = new Set(all.map((d) => d.id));
    for (const h of health) if (!managed.has(h.sourceId)) rows.push(h);
    return rows.sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  }
}

function neverPolled(sourceId: string, now: Date): SourceHealth {
  return { sourceId, status: 'never-polled', errorCount: 0, consecutiveErrors: 0, itemsEmitted: 0, itemsLastHour: 0, gaps: [], at: now.toISOString() };
}

function withDoc(h: SourceHealth, d: SourceDoc): SourceRow {
  return {
    ...h,
    type: String(d.config.type ?? ''),
    enabled: d.config.enabled !== false,
    config: maskSecrets(d.config),
    version: d.version,
    changedAt: d.updatedAt,
    changedBy: d.updatedBy,
    ...(d.deletedAt ? { deleted: true } : {}),
  };
}
