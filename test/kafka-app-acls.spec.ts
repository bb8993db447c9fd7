import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Topics, type TopicKey } from '@vigil/contracts';

/**
 * The per-app Kafka ACLs (scripts/services/kafka-app-acls.mjs) are a table written by hand; the
 * secured brokers enforce it, so an app that starts reading or writing a topic the table does not
 * give it is refused at run time. This reads each app's sources and fails first, naming the topic.
 */
interface AclTable {
  APP_TOPICS: Record<string, { reads: string[]; writes: string[]; transactions?: boolean }>;
  KAFKA_APPS: string[];
}
const root = path.resolve(__dirname, '..');
const load = async (): Promise<AclTable> => (await import(pathToFileURL(path.join(root, 'scripts/services/kafka-app-acls.mjs')).href)) as AclTable;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

/** What an app's code does with Kafka: consumer subscriptions, producer sends, topics it creates, group names. */
function usage(app: string): { reads: Set<string>; writes: Set<string>; ensured: Set<string>; groups: string[]; transactions: boolean } {
  const name = (key: string) => {
    if (!(key in Topics)) throw new Error(`${app}: unknown topic key ${key}`);
    return Topics[key as TopicKey];
  };
  const reads = new Set<string>();
  const writes = new Set<string>();
  const ensured = new Set<string>();
  const groups: string[] = [];
  let transactions = false;
  for (const file of sources(path.join(root, 'apps', app, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    // Sends in a transaction: `transactions.commit(id, { messages: [{ topic: 'signals', ... }] })`.
    const transactional = [...text.matchAll(/messages:\s*\[\s*\{\s*topic:\s*'(\w+)'/g)];
    for (const m of transactional) writes.add(name(m[1]!));
    if (transactional.length || /\bTransactionalProducer\b/.test(text)) transactions = true;
    // Consumers: `consumers.create({ ... topic: 'mentionsRaw' ... })` (a transaction's messages are not).
    for (const m of text.matchAll(/(?<!messages:\s*\[\s*\{\s*)\btopic:\s*'(\w+)'/g)) reads.add(name(m[1]!));
    for (const m of text.matchAll(/\.send\(\s*'(\w+)'/g)) writes.add(name(m[1]!));
    for (const m of text.matchAll(/ensureTopics\(\[([^\]]*)\]/g)) for (const k of m[1]!.matchAll(/'(\w+)'/g)) ensured.add(name(k[1]!));
    // Group names: the *_GROUP settings' defaults and the names an app makes itself.
    for (const m of text.matchAll(/_GROUP: z\.string\(\)\.default\('([^']+)'\)/g)) groups.push(m[1]!);
    for (const m of text.matchAll(/[`'](vigil-[a-z-]+)-\$\{/g)) groups.push(m[1]!);
  }
  // Every consumer sends what it cannot parse or handle to the DLQ (libs/kafka consumer-runner).
  if (reads.size) writes.add(Topics.dlq);
  return { reads, writes, ensured, groups, transactions };
}

describe('the per-app Kafka ACL table matches what each app does', () => {
  it('names only topics of libs/contracts', async () => {
    const { APP_TOPICS } = await load();
    const known = new Set<string>(Object.values(Topics));
    for (const [app, use] of Object.entries(APP_TOPICS)) for (const t of [...use.reads, ...use.writes]) expect(known.has(t), `${app}: ${t}`).toBe(true);
  });

  it('gives every app that uses Kafka exactly the topics it reads and writes, and every topic it creates', async () => {
    const { APP_TOPICS, KAFKA_APPS } = await load();
    const withKafka = fs.readdirSync(path.join(root, 'apps')).filter((a) => a !== 'cli' && (usage(a).reads.size || usage(a).writes.size));
    expect([...KAFKA_APPS].sort()).toEqual(withKafka.sort());
    for (const app of KAFKA_APPS) {
      const code = usage(app);
      const table = APP_TOPICS[app]!;
      expect([...table.reads].sort(), `${app} reads`).toEqual([...code.reads].sort());
      expect([...table.writes].sort(), `${app} writes`).toEqual([...code.writes].sort());
      expect(Boolean(table.transactions), `${app} produces in transactions (needs transactional-id ACLs)`).toBe(code.transactions);
      const used = new Set([...table.reads, ...table.writes]);
      for (const t of code.ensured) expect(used.has(t), `${app} creates ${t} at start but has no ACL for it`).toBe(true);
    }
  });

  it("keeps every consumer group of an app under its own prefix (vigil-<app>), which its ACL allows", async () => {
    const { KAFKA_APPS } = await load();
    for (const app of KAFKA_APPS) {
      const code = usage(app);
      if (!code.reads.size) continue;
      expect(code.groups.length, `${app}: no group name found`).toBeGreaterThan(0);
      for (const g of code.groups) expect(g.startsWith(`vigil-${app}`), `${app} group ${g}`).toBe(true);
    }
  });
});
