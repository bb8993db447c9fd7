import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { ensureServices, stopServices } from '../../scripts/services.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
    elasticsearchUrl: string;
    /** Three hex digits in every name testEnv() makes in this run, so teardown removes only its own. */
    testRunTag: string;
  }
}

/**
 * Integration tests run against a real Kafka and a real Elasticsearch: the ones
 * KAFKA_BROKERS / ELASTICSEARCH_URL name, or the project's own, started here with
 * a bounded wait (and stopped again afterwards if this run started them).
 */
export default async function setup(project: TestProject) {
  const { kafkaBrokers, elasticsearchUrl, started } = await ensureServices();
  // The embedded Elasticsearch keeps its data between runs: without this, every run's
  // indices stay behind until the node's 1,000-shard limit refuses new ones.
  await deleteTestIndices(elasticsearchUrl, isLeftover);
  await deleteTestTemplates(elasticsearchUrl, isLeftover, 500);
  await deleteTestTopics(kafkaBrokers, isLeftover);
  const runTag = randomBytes(2).toString('hex').slice(0, 3);
  const ours = (m: RegExpExecArray) => m[2] === runTag;
  project.provide('kafkaBrokers', kafkaBrokers);
  project.provide('elasticsearchUrl', elasticsearchUrl);
  project.provide('testRunTag', runTag);
  return async () => {
    await deleteTestIndices(elasticsearchUrl, ours);
    await deleteTestTemplates(elasticsearchUrl, ours);
    await deleteTestTopics(kafkaBrokers, ours);
    if (process.env.VIGIL_KEEP_SERVICES === '1') return;
    if (started.length) await stopServices(started);
  };
}

/** Index names testEnv() makes: `t` + base-36 time + the run's 3 hex digits + 3 more + `-`. Nothing else matches. */
const TEST_INDEX = /^t([0-9a-z]{8})([0-9a-f]{3})[0-9a-f]{3}-/;

/**
 * Only leftovers older than this are deleted: another test run on the same servers (a second
 * checkout, a developer's run beside CI) may still be using its fresh indices and topics.
 * `VIGIL_TEST_LEFTOVER_MINUTES=0` deletes every test leftover.
 */
const LEFTOVER_MS = Number(process.env.VIGIL_TEST_LEFTOVER_MINUTES ?? 90) * 60_000;

/** A name testEnv() made more than LEFTOVER_MS ago (its id starts with the base-36 time). */
const isLeftover = (m: RegExpExecArray) => Date.now() - parseInt(m[1], 36) >= LEFTOVER_MS;

/** Deletes indices left by test runs, by name (wildcard deletes are refused by default in 8.x). */
async function deleteTestIndices(url: string, which: (m: RegExpExecArray) => boolean): Promise<void> {
  const res = await fetch(`${url}/_cat/indices?h=index&format=json&expand_wildcards=all`);
  if (!res.ok) throw new Error(`listing indices at ${url}: HTTP ${res.status} ${await res.text()}`);
  const names = ((await res.json()) as Array<{ index: string }>).map((r) => r.index).filter((n) => matching(TEST_INDEX, n, which));
  for (let i = 0; i < names.length; i += 50) {
    const del = await fetch(`${url}/${names.slice(i, i + 50).join(',')}?ignore_unavailable=true`, { method: 'DELETE' });
    if (!del.ok) throw new Error(`deleting test indices at ${url}: HTTP ${del.status} ${await del.text()}`);
  }
  if (names.length) console.log(`[test setup] deleted ${names.length} test indices`);
}

/**
 * Deletes the index templates test runs made (ensureIndices puts one per index, under the index's
 * name). Left behind, they piled up to 13,000 in the shared server's cluster state, and every
 * template and index creation (each test file's setup) had to rewrite and match all of them.
 * At most `limit` per call (oldest first), so a backlog costs each run's start a bounded time.
 * Best effort: a busy server's timeout is reported, and the next run deletes what is left.
 */
async function deleteTestTemplates(url: string, which: (m: RegExpExecArray) => boolean, limit = Infinity): Promise<void> {
  try {
    const res = await fetch(`${url}/_index_template?filter_path=index_templates.name`);
    if (!res.ok) throw new Error(`listing: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { index_templates?: Array<{ name: string }> };
    const names = (body.index_templates ?? []).map((t) => t.name).filter((n) => matching(TEST_INDEX, n, which)).sort().slice(0, limit);
    // 50 names to a request: the request line must stay under the server's 4 KB.
    for (let i = 0; i < names.length; i += 50) {
      const del = await fetch(`${url}/_index_template/${names.slice(i, i + 50).join(',')}?master_timeout=2m`, { method: 'DELETE' });
      // 404: another run on the same server deleted one of them first.
      if (!del.ok && del.status !== 404) throw new Error(`deleting: HTTP ${del.status} ${(await del.text()).slice(0, 300)}`);
    }
    if (names.length) console.log(`[test setup] deleted ${names.length} test index templates`);
  } catch (e) {
    console.warn(`[test setup] test index templates at ${url} not all deleted (the next run goes on): ${(e as Error).message}`);
  }
}

/** Topic names testEnv() makes: the same run id, then `.`. */
const TEST_TOPIC = /^t([0-9a-z]{8})([0-9a-f]{3})[0-9a-f]{3}\./;

function matching(pattern: RegExp, name: string, which: (m: RegExpExecArray) => boolean): boolean {
  const m = pattern.exec(name);
  return m !== null && which(m);
}

/** Deletes topics left by test runs (the embedded Kafka keeps them between runs, like Elasticsearch its indices). */
async function deleteTestTopics(brokers: string, which: (m: RegExpExecArray) => boolean): Promise<void> {
  const admin = new Kafka({ brokers: brokers.split(','), clientId: 'vigil-test-setup', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => matching(TEST_TOPIC, t, which));
    for (let i = 0; i < topics.length; i += 100) await admin.deleteTopics({ topics: topics.slice(i, i + 100), timeout: 60_000 });
    if (topics.length) console.log(`[test setup] deleted ${topics.length} test topics`);
  } finally {
    await admin.disconnect();
  }
}
