import type { IndexedPost } from './demo-scenario';

/**
 * Pushes the scenario's `intake:<channel>` posts to the intake endpoint as their
 * time comes. The app may still be starting: a post that fails is tried again on
 * the next tick, and the endpoint is idempotent on the id, so a retry is harmless.
 */
export function startIntakePoster(opts: { posts: IndexedPost[]; startedAt: number; url: string; key: string; onError?: (e: Error) => void }): () => void {
  const pending = opts.posts.filter((p) => p.feed.startsWith('intake:'));
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const p of [...pending]) {
        if (opts.startedAt + p.at * 1000 > Date.now()) continue;
        const channel = p.feed.slice('intake:'.length);
        const body = { id: `demo-${p.i}`, text: p.text, title: p.title, author: { name: p.author }, time: new Date(opts.startedAt + p.at * 1000).toISOString(), langHint: p.lang, rating: p.rating, contact: p.contact };
        const res = await fetch(`${opts.url}/api/intake/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` }, body: JSON.stringify(body) }).catch(() => undefined);
        if (res?.status === 202) pending.splice(pending.indexOf(p), 1);
        else if (res && res.status !== 404 && res.status !== 503) opts.onError?.(new Error(`intake ${channel} answered ${res.status}: ${await res.text()}`));
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 1000);
  timer.unref();
  return () => clearInterval(timer);
}
