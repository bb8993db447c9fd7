import fs from 'node:fs';
import path from 'node:path';
import type { PublishedPlan } from '@vigil/contracts';
import { parsePlan, planHash } from '@vigil/plan';
import { PLAN_DOC_ID, type SearchClient } from '@vigil/search';

const DEFAULT_PLAN_FILE = path.resolve(__dirname, '../../libs/plan/default-plan.yaml');

/** The default plan as the responder publishes it at start; tests override what they care about. */
export function publishedPlanFactory(over: Partial<PublishedPlan> = {}): PublishedPlan {
  const text = fs.readFileSync(DEFAULT_PLAN_FILE, 'utf8');
  const r = parsePlan(text, DEFAULT_PLAN_FILE);
  if (!r.ok) throw new Error(`the default plan does not validate: ${JSON.stringify(r.errors)}`);
  const hash = planHash(text);
  return {
    version: 1,
    hash,
    name: r.plan.name,
    text,
    plan: r.plan as unknown as Record<string, unknown>,
    loadedAt: new Date().toISOString(),
    source: { kind: 'file', file: DEFAULT_PLAN_FILE },
    file: DEFAULT_PLAN_FILE,
    fileHash: hash,
    ...over,
  };
}

/** For tests of the api without a responder: the plan document the responder would have published. */
export async function seedPlan(search: SearchClient, over: Partial<PublishedPlan> = {}): Promise<PublishedPlan> {
  const doc = publishedPlanFactory(over);
  await search.ensureIndices();
  await search.es.index({ index: search.names.plan, id: PLAN_DOC_ID, document: doc });
  return doc;
}
