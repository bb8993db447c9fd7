// Real parts: the demo feed server on 127.0.0.1 with demo/scenario.jsonl, read by the collector's real adapters.
// Here rather than beside the cli's code: it checks two apps against each other.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppStoreAdapter } from '../apps/collector/src/sources/appstore/appstore.adapter';
import { MastodonAdapter } from '../apps/collector/src/sources/mastodon/mastodon.adapter';
import { RssAdapter } from '../apps/collector/src/sources/rss.adapter';
import { loadSourcesFile, type SourceConfig } from '../apps/collector/src/sources/sources-config';
import { IntakeMessage } from '@vigil/contracts';
import { TestFeedServer } from './support/feed-server';
import { testFetcher } from './support/collector-kit';
import { pollUntil } from './support/test-env';
import { readScenario } from '../apps/cli/src/demo/demo-scenario';
import { startDemoFeedServer } from '../apps/cli/src/demo/demo-feed-server';

const root = path.resolve(__dirname, '..');
const scenarioFile = path.join(root, 'demo', 'scenario.jsonl');

describe('the demo scenario', () => {
  const posts = readScenario(scenarioFile);
  const compound = posts.filter((p) => /阳光花园|Sunshine Garden/.test(p.text) && /退款|refund/i.test(p.text) && /超时|late|晚|never arrived|没送/i.test(p.text));

  it('brews a group complaint: ≥ 8 authors of one compound, same issue, within two minutes, across four channels', () => {
    expect(new Set(compound.map((p) => p.author)).size).toBeGreaterThanOrEqual(8);
    expect(Math.max(...compound.map((p) => p.at)) - Math.min(...compound.map((p) => p.at))).toBeLessThanOrEqual(120);
    expect(new Set(compound.map((p) => p.feed.split(':')[0]))).toEqual(new Set(['weibo', 'reviews', 'appstore', 'mastodon', 'intake']));
  });

  it('has a media threat, an elderly customer on the hotline, both languages, and valid intake bodies', () => {
    expect(posts.some((p) => /媒体|newspapers|记者/.test(p.text))).toBe(true);
    expect(posts.find((p) => p.feed === 'intake:hotline')?.text).toMatch(/82岁/);
    expect(posts.some((p) => /[\u4e00-\u9fff]/.test(p.text)) && posts.some((p) => /^[\x20-\x7e]+$/.test(p.text))).toBe(true);
    for (const p of posts.filter((x) => x.feed.startsWith('intake:'))) {
      expect(IntakeMessage.safeParse({ id: `demo-${p.i}`, text: p.text, author: { name: p.author }, time: new Date().toISOString(), langHint: p.lang, contact: p.contact }).success).toBe(true);
    }
  });
});

describe('the demo feed server, read by the collector adapters', () => {
  const intake = new TestFeedServer();
  const received: { channel: string; body: { id: string } }[] = [];
  let demo: { url: string; close: () => Promise<void> };
  const sources = new Map<string, SourceConfig>();

  beforeAll(async () => {
    await intake.start();
    for (const ch of ['form', 'app', 'email', 'hotline']) {
      intake.routes.set(`/api/intake/${ch}`, (req, res) => {
        let data = '';
        req.on('data', (c) => (data += c));
        req.on('end', () => {
          if (req.headers.authorization === 'Bearer k') received.push({ channel: ch, body: JSON.parse(data) });
          res.writeHead(req.headers.authorization === 'Bearer k' ? 202 : 401).end('{}');
        });
      });
    }
    demo = await startDemoFeedServer({ dir: path.join(root, 'demo', 'feeds'), scenarioFile, port: 0, startedAt: Date.now() - 600_000, intake: { url: intake.url, key: 'k' } });
    const port = new URL(demo.url).port;
    process.env.VIGIL_DEMO_PORT = port;
    for (const s of loadSourcesFile(path.join(root, 'demo', 'sources.yaml')).sources) sources.set(s.id, s);
    delete process.env.VIGIL_DEMO_PORT;
  });
  afterAll(async () => {
    await demo.close();
    await intake.stop();
  });

  it('serves every scripted post in its source format', async () => {
    const fetcher = testFetcher();
    const count = (feed: string) => readScenario(scenarioFile).filter((p) => p.feed === feed).length;
    const apple = await new AppStoreAdapter(fetcher).poll(sources.get('demo-appstore-cn') as never, { seen: [] });
    expect(apple.items).toHaveLength(count('appstore'));
    expect(apple.items.some((i) => i.rating === 1 && i.meta?.appVersion === '3.12.0')).toBe(true);
    const masto = await new MastodonAdapter(fetcher).poll(sources.get('demo-mastodon') as never, { seen: [] });
    expect(masto.items).toHaveLength(count('mastodon'));
    expect(masto.items.find((i) => i.reach === 52000)?.langHint).toBe('zh');
    const weibo = await new RssAdapter(fetcher).poll(sources.get('demo-weibo') as never, { seen: [] });
    expect(weibo.items).toHaveLength(count('weibo'));
  });

  it('pushes the intake posts with the key, each once', async () => {
    const want = readScenario(scenarioFile).filter((p) => p.feed.startsWith('intake:')).length;
    await pollUntil('every intake post', async () => received.length, (n) => n >= want, { timeoutMs: 5_000 });
    expect(received).toHaveLength(want);
    expect(new Set(received.map((r) => r.body.id)).size).toBe(want);
  });
});
