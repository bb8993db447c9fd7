import { BaseConfig, serviceConnections } from '@vigil/common';
import { ConfigHistoryReader, SearchClient } from '@vigil/search';
import { KnowledgeRepository, loadKnowledgeFile, seedKnowledge } from '@vigil/api';
import { readPlanFile } from '@vigil/responder';

/**
 * The demo's knowledge base (remedies and reply templates, zh and en), checked against the plan the
 * responder will run (its front-line limit) and created only when the store has never held an
 * entry: one edited or retired in the dashboard is never brought back. Returns the ids created.
 */
export async function seedDemoKnowledge(env: BaseConfig, file: string, planFile: string): Promise<string[]> {
  const plan = readPlanFile(planFile);
  // A bad plan stops the responder with its own message; the seeds then wait for the next start.
  if (!plan.ok) return [];
  const entries = loadKnowledgeFile(file, plan.plan.authority.frontlineMoneyLimit);
  // As the apps connect: a secured Elasticsearch wants its CA file and user here too.
  const search = new SearchClient({ ...serviceConnections(env).search, indexPrefix: env.VIGIL_INDEX_PREFIX });
  try {
    await search.ensureIndices();
    return await seedKnowledge(new KnowledgeRepository(search, new ConfigHistoryReader(search)), entries, 'seed:demo', new Date().toISOString());
  } finally {
    await search.onApplicationShutdown();
  }
}
