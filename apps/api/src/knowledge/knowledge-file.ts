import fs from 'node:fs';
import { z } from 'zod';
import { formatYamlIssues, KnowledgeEntryInput, parseYamlWithSchema } from '@vigil/contracts';
import { checkKnowledgeEntry } from '@vigil/plan';
import type { KnowledgeRepository } from './knowledge.repository';

const KnowledgeFile = z.strictObject({ entries: z.array(KnowledgeEntryInput).max(1000) });

/** A knowledge-base YAML file (the demo's `demo/knowledge.yaml`), checked like a save: schema, placeholders, authority. */
export function loadKnowledgeFile(file: string, frontlineMoneyLimit: number): KnowledgeEntryInput[] {
  const r = parseYamlWithSchema(fs.readFileSync(file, 'utf8'), file, KnowledgeFile, (v) => {
    const ids = new Set<string>();
    return v.entries.flatMap((e, i) => [
      ...(ids.has(e.id) ? [{ path: ['entries', i, 'id'], message: `duplicate id "${e.id}"` }] : (ids.add(e.id), [])),
      ...checkKnowledgeEntry(e, frontlineMoneyLimit).map((x) => ({ path: ['entries', i, ...x.field.split('.')], message: x.message })),
    ]);
  });
  if (!r.ok) throw new Error(`invalid knowledge file:\n${formatYamlIssues(r.errors)}`);
  return r.value.entries;
}

/**
 * Seeds an empty knowledge base (never one that has held an entry: one retired in the dashboard
 * is not brought back). Returns the ids created.
 */
export async function seedKnowledge(repo: KnowledgeRepository, entries: KnowledgeEntryInput[], actor: string, now: string): Promise<string[]> {
  if ((await repo.list()).entries.length) return [];
  const created: string[] = [];
  for (const e of entries) {
    const r = await repo.docs.create({ ...e, version: 1, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor }, 'seed');
    if (r.ok) created.push(e.id);
  }
  return created;
}
