import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { isAlreadyExists, isTransient } from './es-errors';
import { backoffDelay, createLogger, sleep, type HealthIndicator, type HealthStatus } from '@vigil/common';
import { SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { INDICES, indexKeys, indexNames, type IndexDefinition, type IndexKey, type IndexNames } from './indices';

/** Where ensureIndices marks what it put (template `_meta` and index mapping `_meta`). */
const STAMP = 'vigil_definition';
// One replica as soon as a second node is there (cluster mode), none on a single node (where a
// replica could never be placed and the index would stay yellow).
const TEMPLATE_SETTINGS = { number_of_shards: 1, auto_expand_replicas: '0-1', refresh_interval: '1s' };
/**
 * Making indices waits on the cluster's one queue of state updates: on a busy server (a shared
 * one under eight test runs, 2026-12-07) two dozen creations took longer than the client's 30 s
 * and failed the app's start. A start waits up to two minutes for them instead.
 */
const SETUP_WAIT = { master_timeout: '2m' } as const;
const SETUP_REQUEST = { requestTimeout: 150_000 } as const;
/**
 * A server busier still (load 50, seen in the secured single-node check, 2026-12-07) outlasted even
 * that, and the indexer exited at start. Start-up now keeps trying, saying so, for this long.
 */
const SETUP_PATIENCE_MS = 10 * 60_000;

/** A hash of everything ensureIndices puts for one stored document: the same stamp on the server means nothing to change. */
function stampOf(def: IndexDefinition): string {
  return createHash('sha256').update(JSON.stringify([def.pattern, def.alias ?? null, def.mappings, TEMPLATE_SETTINGS])).digest('hex').slice(0, 16);
}

/** The one place that holds the Elasticsearch client: templates, health, raw access for repositories. */
@Injectable()
export class SearchClient implements OnApplicationShutdown, HealthIndicator {
  readonly es: Client;
  readonly names: IndexNames;
  readonly logger = createLogger('search');
  /** What `ensureIndices()` makes: every stored document, or the subset the options name (tests). */
  private readonly ensured: IndexKey[];

  constructor(@Inject(SEARCH_OPTIONS) readonly options: SearchOptions) {
    // Several comma-separated URLs are one cluster's nodes: the client spreads requests over them
    // and fails over when one goes away.
    const nodes = options.node.split(',').map((u) => u.trim()).filter(Boolean);
    this.es = new Client({
      // A dead node comes back into use after the resurrect timeout without a ping: the client
      // pings with `HEAD /`, which the integ-test distribution does not answer, so with the
      // default strategy a node once marked dead stayed dead and, both dead, every request failed
      // with "There are no living connections" (seen in cluster mode at start, under load).
      ...(nodes.length > 1 ? { nodes, resurrectStrategy: 'optimistic' as const } : { node: options.node }),
      maxRetries: 3,
      requestTimeout: 30_000,
      // Credentials and a private CA for a secured cluster (see serviceConnections and docs/security.md).
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.caFile ? { tls: { ca: fs.readFileSync(options.caFile, 'utf8') } } : {}),
    });
    this.names = indexNames(options.indexPrefix);
    this.ensured = options.indices ? indexKeys(options.indices) : (Object.keys(INDICES) as IndexKey[]);
  }

  /**
   * Deletes every index matching `pattern` (e.g. `run-*`), naming each one: Elasticsearch
   * refuses deletes by wildcard (action.destructive_requires_name). Returns how many.
   * The index templates `ensureIndices` made under the same names go too: left behind, they pile
   * up in the cluster state (13,000 on the shared server, 2026-12-07), and every later template
   * or index creation slows down with them.
   */
  async deleteIndices(pattern: string): Promise<number> {
    const names = Object.keys(await this.es.indices.get({ index: pattern, ignore_unavailable: true, allow_no_indices: true }));
    for (let i = 0; i < names.length; i += 50) await this.es.indices.delete({ index: names.slice(i, i + 50).join(',') });
    await this.deleteTemplates(pattern);
    return names.length;
  }

  /** Deletes the index templates whose names match `pattern`, by name (50 to a request, for the URL's length). */
  async deleteTemplates(pattern: string): Promise<number> {
    const found = await this.es.indices.getIndexTemplate({ name: pattern }, { ignore: [404] });
    const names = (found.index_templates ?? []).map((t) => t.name);
    for (let i = 0; i < names.length; i += 50) await this.es.indices.deleteIndexTemplate({ name: names.slice(i, i + 50).join(',') }, { ignore: [404] });
    return names.length;
  }

  /** The stored documents' templates and indices, from `indices/` (one file per document): all, or `only` these. */
  definitions(only: readonly IndexKey[] = Object.keys(INDICES) as IndexKey[]): IndexDefinition[] {
    return only.map((key) => INDICES[key].definition(this.options.indexPrefix));
  }

  /**
   * Templates first, so an index created by a first write already has its mapping; then the
   * single indices, so readers and writers never meet a missing one. Every app calls this at
   * start, so whichever starts first makes every index. Idempotent.
   * Makes every stored document's index unless the options (VIGIL_INDICES) or `only` name fewer:
   * tests that use a few save the shared server a cluster-state update per index left out.
   * What is already on the server with this version's stamp (`_meta.vigil_definition`) is left
   * alone: two reads instead of ~75 cluster-state updates when the second app of a deployment
   * (or of a test file) starts, which queue behind everyone else's on a shared server.
   */
  async ensureIndices(only: readonly IndexKey[] = this.ensured): Promise<void> {
    const deadline = Date.now() + (this.options.setupPatienceMs ?? SETUP_PATIENCE_MS);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.putIndices(only);
      } catch (e) {
        // Every step below checks what is there first, so trying the whole set-up again is safe.
        if (!isTransient(e) || Date.now() >= deadline) throw e;
        const waitMs = Math.min(backoffDelay(attempt, 1_000, 30_000), Math.max(0, deadline - Date.now()));
        this.logger.warn(
          { attempt: attempt + 1, retryInMs: waitMs, error: e instanceof Error ? e.message : String(e) },
          'Elasticsearch is busy or away while the indices are set up; trying again (the app starts once they are there)',
        );
        await sleep(waitMs);
      }
    }
  }

  private async putIndices(only: readonly IndexKey[]): Promise<void> {
    const defs = this.definitions(only).map((def) => ({ def, stamp: stampOf(def) }));
    const present = await this.stampsOnServer(defs.map(({ def }) => def));
    // In parallel: the server batches the cluster-state updates, and every app start waits on this.
    await Promise.all(
      defs
        .filter(({ def, stamp }) => present.templates.get(def.name) !== stamp)
        .map(({ def, stamp }) =>
          this.es.indices.putIndexTemplate({
            name: def.name,
            index_patterns: [def.pattern],
            priority: 100,
            _meta: { [STAMP]: stamp },
            template: {
              settings: TEMPLATE_SETTINGS,
              mappings: { ...def.mappings, _meta: { [STAMP]: stamp } },
              aliases: def.alias ? { [def.alias]: {} } : undefined,
            },
            ...SETUP_WAIT,
          }, SETUP_REQUEST),
        ),
    );
    await Promise.all(defs.flatMap(({ def }) => (def.createIndex && !present.indices.has(def.createIndex) ? [this.createIfMissing(def.createIndex)] : [])));
    // Apps starting together race to make the same index: the one that finds it made (listed, or
    // "already exists") must still wait for its shard, or its first search fails with
    // no_shard_available_action_exception (a collector died of that at start under load).
    const concrete = defs.flatMap(({ def }) => (def.createIndex ? [def.createIndex] : []));
    if (concrete.length) await this.waitForPrimaries(concrete);
    // An index made by an older version gains the fields added to its mapping since (adding is
    // always allowed; documents written before are indexed for them on their next write).
    const stale = [...present.indices].flatMap(([index, stamp]) => {
      const found = defs.find(({ def }) => def.createIndex === index) ?? defs.find(({ def }) => !def.createIndex && index.startsWith(def.pattern.replace(/\*$/, '')));
      return found && found.stamp !== stamp && found.def.mappings.properties ? [{ index, ...found }] : [];
    });
    await Promise.all(stale.map(({ index, def, stamp }) => this.es.indices.putMapping({ index, properties: def.mappings.properties, _meta: { [STAMP]: stamp }, ...SETUP_WAIT, timeout: '2m' }, SETUP_REQUEST)));
  }

  /** The stamps of the templates and of the existing indices (concrete and monthly) of `defs`: two reads, no cluster-state update. */
  private async stampsOnServer(defs: IndexDefinition[]): Promise<{ templates: Map<string, string | undefined>; indices: Map<string, string | undefined> }> {
    const stampIn = (meta: unknown) => (meta as Record<string, unknown> | undefined)?.[STAMP] as string | undefined;
    const [found, mappings] = await Promise.all([
      this.es.indices.getIndexTemplate({ name: `${this.options.indexPrefix}*`, ...SETUP_WAIT }, { ignore: [404], ...SETUP_REQUEST }),
      this.es.indices.getMapping({ index: defs.map((d) => d.createIndex ?? d.pattern).join(','), ignore_unavailable: true, allow_no_indices: true, ...SETUP_WAIT }, SETUP_REQUEST),
    ]);
    return {
      templates: new Map((found.index_templates ?? []).map((t) => [t.name, stampIn(t.index_template._meta)])),
      indices: new Map(Object.entries(mappings).map(([index, m]) => [index, stampIn(m.mappings?._meta)])),
    };
  }

  /**
   * Every primary shard of `indices` started, or an error naming those that are not after
   * `timeoutMs`. Health "yellow" is not enough: Elasticsearch reports a new index whose primaries
   * are still initializing as yellow, not red; each index's active primaries are counted instead.
   */
  async waitForPrimaries(indices: string[], timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const h = await this.es.cluster.health({ index: indices, level: 'indices', ...SETUP_WAIT }, SETUP_REQUEST);
      const waiting = indices.filter((i) => {
        const x = h.indices?.[i];
        return !x || x.active_primary_shards < x.number_of_shards;
      });
      if (!waiting.length) return;
      if (Date.now() > deadline) throw new Error(`Elasticsearch: the primary shards of ${waiting.join(', ')} did not start within ${timeoutMs / 1000} s (cluster ${h.status})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async createIfMissing(index: string): Promise<void> {
    try {
      await this.es.indices.create({ index, ...SETUP_WAIT, timeout: '2m' }, SETUP_REQUEST);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
  }

  async health(): Promise<HealthStatus> {
    try {
      // No retries and a short timeout: /health must answer while the server is away, not queue behind it.
      const h = await this.es.cluster.health({ timeout: '2s' }, { requestTimeout: 3_000, maxRetries: 0 });
      return { name: 'elasticsearch', healthy: h.status !== 'red', detail: `cluster ${h.status}` };
    } catch (e) {
      return { name: 'elasticsearch', healthy: false, detail: (e as Error).message };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.es.close().catch(() => undefined);
  }
}
