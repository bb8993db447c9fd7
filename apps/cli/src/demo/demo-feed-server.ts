import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ScenarioPost {
  /** Seconds after the server starts when the post appears. */
  at: number;
  feed: string;
  author: string;
  text: string;
  title?: string;
  rating?: number;
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** An RSS document of the scenario posts whose time has come, newest first. */
export function renderScenarioFeed(feed: string, posts: ScenarioPost[], startedAt: number, now: number): string {
  const visible = posts
    .map((p, i) => ({ ...p, i }))
    .filter((p) => p.feed === feed && startedAt + p.at * 1000 <= now)
    .reverse();
  const items = visible
    .map((p) => {
      const date = new Date(startedAt + p.at * 1000).toUTCString();
      const title = p.title ?? (p.rating ? `${'★'.repeat(p.rating)} ${p.text.slice(0, 30)}` : p.text.slice(0, 30));
      return `<item><guid isPermaLink="false">${feed}-${p.i}</guid><title>${xmlEscape(title)}</title><dc:creator>${xmlEscape(p.author)}</dc:creator><pubDate>${date}</pubDate><description>${xmlEscape(p.text)}</description></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Vigil demo: ${feed}</title><link>http://127.0.0.1/</link><description>scripted demo feed</description>${items}</channel></rss>`;
}

export function readScenario(file: string): ScenarioPost[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l && !l.startsWith('#'))
    .map(({ l, i }) => {
      try {
        return JSON.parse(l) as ScenarioPost;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON: ${(e as Error).message}`);
      }
    });
}

/**
 * A feed server on 127.0.0.1 for the embedded default: static sample feeds from
 * `demo/feeds/`, plus `/scenario/<feed>.rss`, which reveals the scripted posts
 * of `demo/scenario.jsonl` as time passes, so a new user watches a storm form.
 */
export async function startDemoFeedServer(opts: { dir: string; scenarioFile: string; port: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const posts = fs.existsSync(opts.scenarioFile) ? readScenario(opts.scenarioFile) : [];
  const startedAt = Date.now();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const scenario = /^\/scenario\/([a-z0-9_-]+)\.rss$/.exec(url.pathname);
    if (scenario) {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(renderScenarioFeed(scenario[1], posts, startedAt, Date.now()));
      return;
    }
    const name = /^\/feeds\/([A-Za-z0-9._-]+)$/.exec(url.pathname)?.[1];
    const file = name ? path.join(opts.dir, name) : undefined;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
