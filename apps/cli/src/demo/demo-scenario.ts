import fs from 'node:fs';
import { z } from 'zod';

/**
 * One scripted post of `demo/scenario.jsonl`. `feed` says where it appears:
 * an RSS feed name (`weibo`, `reviews`, …), `appstore`, `mastodon`, or
 * `intake:<channel>` (pushed to POST /api/intake/<channel> when its time comes).
 */
export const ScenarioPost = z.object({
  /** Seconds after the demo starts when the post appears. */
  at: z.number().nonnegative(),
  feed: z.string().regex(/^([a-z0-9_-]+|intake:(form|app|email|hotline))$/, 'a feed name, appstore, mastodon or intake:<form|app|email|hotline>'),
  author: z.string().min(1),
  text: z.string().min(1),
  title: z.string().optional(),
  rating: z.number().int().min(1).max(5).optional(),
  /** App version of an App Store review. */
  version: z.string().optional(),
  /** Followers of a Mastodon account. */
  followers: z.number().int().nonnegative().optional(),
  lang: z.string().optional(),
  /** Intake only: how to reach the person (masked by the processor). */
  contact: z.object({ phone: z.string().optional(), email: z.string().optional() }).optional(),
});
export type ScenarioPost = z.infer<typeof ScenarioPost>;

/** Posts with their line index, which makes their ids stable across restarts of the demo. */
export type IndexedPost = ScenarioPost & { i: number };

export function readScenario(file: string): IndexedPost[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l && !l.startsWith('#'))
    .map(({ l, i }) => {
      let json: unknown;
      try {
        json = JSON.parse(l);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON: ${(e as Error).message}`, { cause: e });
      }
      const r = ScenarioPost.safeParse(json);
      if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`).join('; ')}`);
      return { ...r.data, i };
    });
}

/** The posts of one feed whose time has come, newest first. */
export function visiblePosts(posts: IndexedPost[], feed: string, startedAt: number, now: number): IndexedPost[] {
  return posts.filter((p) => p.feed === feed && startedAt + p.at * 1000 <= now).reverse();
}
