import { Inject, Injectable } from '@nestjs/common';
import type { SourceTestResult } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { matchesFilters, toRawMention } from '../poll-source.usecase';
import { SOURCE_ADAPTERS, type SourceAdapter } from './source-adapter';
import { SourceRegistry } from './source-registry';
import type { SourceConfig } from './sources-config';
import { parseStoredSource } from './stored-sources';

/** Items shown in the form: enough to see the mapping is right. */
export const TEST_FETCH_ITEMS = 10;

/**
 * "Test fetch" for a source form: one poll of the configuration as written, with the collector's
 * own adapters, fetcher (rate limits, private-address guard on every hop, size cap, timeout) and
 * environment, from an empty cursor and at most one page. Nothing is emitted and no state is saved:
 * the answer is the first items as they would be stored, each marked whether the source's
 * keywords/exclude would keep it, or the exact error.
 */
@Injectable()
export class TestFetchUseCase {
  private readonly adapters: Map<string, SourceAdapter>;

  constructor(
    @Inject(SOURCE_ADAPTERS) adapters: SourceAdapter[],
    private readonly registry: SourceRegistry,
    private readonly clock: Clock,
  ) {
    this.adapters = new Map(adapters.map((a) => [a.type, a]));
  }

  async execute(requestId: string, config: Record<string, unknown>): Promise<SourceTestResult> {
    const started = Date.now();
    const at = () => this.clock.now().toISOString();
    const fail = (error: string): SourceTestResult => ({ requestId, ok: false, error: error.slice(0, 4000), fetched: 0, items: [], ms: Date.now() - started, at: at() });
    const parsed = parseStoredSource(config, process.env, this.registry.limits);
    if (!parsed.ok) return fail(parsed.error);
    const source = onePage(parsed.source);
    const adapter = this.adapters.get(source.type);
    if (!adapter) return fail(`no adapter for source type ${source.type}`);
    try {
      const { items } = await adapter.poll(source as never, { seen: [] });
      const now = at();
      return {
        requestId,
        ok: true,
        fetched: items.length,
        items: items.slice(0, TEST_FETCH_ITEMS).map((i) => ({ mention: toRawMention(source, i, now) as unknown as Record<string, unknown>, kept: matchesFilters(i, source.keywords, source.exclude) })),
        ms: Date.now() - started,
        at: now,
      };
    } catch (e) {
      return fail((e as Error).message);
    }
  }
}

/** A test reads the first page only. */
function onePage(s: SourceConfig): SourceConfig {
  return 'maxPages' in s ? { ...s, maxPages: 1 } : s;
}
