import { BaseConfig, serviceConnections, SystemClock } from '@vigil/common';
import { ConfigHistoryReader, SearchClient, WatchesReader } from '@vigil/search';
import { SaveWatchUseCase, WatchesRepository } from '@vigil/api';
import { loadWatchesFile } from '@vigil/processor';

/**
 * The demo's watches (its brand and a competitor), created with the api's own use case before the
 * apps start (so the processor tags the very first posts with them), and only when the store has
 * never held a watch: one edited or deleted in the dashboard is never brought back.
 * Returns the ids created.
 */
export async function seedDemoWatches(env: BaseConfig, file: string): Promise<string[]> {
  // As the apps connect: a secured Elasticsearch wants its CA file and user here too.
  const search = new SearchClient({ ...serviceConnections(env).search, indexPrefix: env.VIGIL_INDEX_PREFIX });
  try {
    await search.ensureIndices();
    const reader = new WatchesReader(search);
    if ((await reader.list({ includeDeleted: true })).watches.length) return [];
    const save = new SaveWatchUseCase(new WatchesRepository(search, reader, new ConfigHistoryReader(search)), new SystemClock());
    const created: string[] = [];
    for (const w of loadWatchesFile(file)) {
      const r = await save.create(w, 'seed:demo');
      if (r.ok) created.push(r.watch.id);
    }
    return created;
  } finally {
    await search.onApplicationShutdown();
  }
}
