import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { readScenario, visiblePosts, type IndexedPost } from './demo-scenario';
import { mastodonId, renderAppStorePage, renderMastodonStatuses, renderRss } from './demo-renderers';
import { startIntakePoster } from './demo-intake-poster';
import { readChapters, startDemoProgress } from './demo-progress';

export { readScenario, type ScenarioPost } from './demo-scenario';

const byId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Mastodon's paging: `min_id` gives the page right after it, otherwise the latest page; newest first. */
function mastodonPage(visible: IndexedPost[], url: URL): IndexedPost[] {
  const limit = Math.min(40, Number(url.searchParams.get('limit') ?? 20) || 20);
  const minId = url.searchParams.get('min_id');
  const asc = [...visible].reverse();
  return (minId ? asc.filter((p) => byId(mastodonId(p), minId) > 0).slice(0, limit) : asc.slice(-limit)).reverse();
}

/**
 * A feed server on 127.0.0.1 for the embedded default. It plays `demo/scenario.jsonl`
 * as time passes, in each source's real wire format: `/scenario/<feed>.rss` (RSS),
 * `/appstore/<cc>/rss/customerreviews/page=<n>/id=<app>/sortby=mostrecent/json`
 * (Apple's JSON feed), `/mastodon/api/v1/timelines/tag/<tag>` (Mastodon), and it
 * pushes `intake:*` posts to the intake endpoint. Static samples: `/feeds/<file>`.
 */
export async function startDemoFeedServer(opts: {
  dir: string;
  scenarioFile: string;
  port: number;
  /** Where to push intake posts, with a key the collector accepts. */
  intake?: { url: string; key: string };
  onError?: (e: Error) => void;
  /** Told the scenario's chapters as they come, and its end (the terminal of `vigil start`). */
  onProgress?: (line: string) => void;
  /** When the scripted day began (tests start it in the past to see all of it). */
  startedAt?: number;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const posts = fs.existsSync(opts.scenarioFile) ? readScenario(opts.scenarioFile) : [];
  const startedAt = opts.startedAt ?? Date.now();
  let base = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const now = Date.now();
    const rss = /^\/scenario\/([a-z0-9_-]+)\.rss$/.exec(url.pathname);
    if (rss) {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(renderRss(rss[1]!, visiblePosts(posts, rss[1]!, startedAt, now), startedAt));
      return;
    }
    const apple = /^\/appstore\/([a-z]{2})\/rss\/customerreviews\/page=(\d+)\/id=(\d+)\/sortby=mostrecent\/json$/.exec(url.pathname);
    if (apple) {
      const body = renderAppStorePage(visiblePosts(posts, 'appstore', startedAt, now), apple[3]!, apple[1]!, Number(apple[2]), `${base}/appstore`);
      res.writeHead(body.startsWith('{') ? 200 : 400, { 'content-type': body.startsWith('{') ? 'application/json; charset=utf-8' : 'text/plain' }).end(body);
      return;
    }
    if (/^\/mastodon\/api\/v1\/timelines\/tag\/[^/]+$/.test(url.pathname)) {
      const page = mastodonPage(visiblePosts(posts, 'mastodon', startedAt, now), url);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(renderMastodonStatuses(page, startedAt, `${base}/mastodon`));
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
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stopPoster = opts.intake ? startIntakePoster({ posts, startedAt, ...opts.intake, onError: opts.onError }) : () => undefined;
  const log = opts.onProgress;
  const stopProgress = log && posts.length ? startDemoProgress({ posts, chapters: readChapters(opts.scenarioFile, posts), startedAt, log }) : () => undefined;
  return {
    url: base,
    close: () => {
      stopPoster();
      stopProgress();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
