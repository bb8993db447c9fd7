import fs from 'node:fs';
import type { IndexedPost } from './demo-scenario';

/** A `# --- title ---` line of the scenario file: what happens from the next post on. */
export interface DemoChapter {
  at: number;
  title: string;
}

/** The scenario's chapter lines, each timed at the first post after it. */
export function readChapters(file: string, posts: IndexedPost[]): DemoChapter[] {
  const chapters: DemoChapter[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^#\s*---\s*(.+?)\s*-*\s*$/.exec(line.trim());
      const next = m && posts.find((p) => p.i > i);
      if (m && next) chapters.push({ at: next.at, title: m[1]! });
    });
  return chapters;
}

/** What the demo has played by `now`, one line per step worth telling (chapters, then the end). */
export function demoProgressLines(posts: IndexedPost[], chapters: DemoChapter[], startedAt: number, now: number, told: Set<string>): string[] {
  const elapsed = (now - startedAt) / 1000;
  const out: string[] = [];
  const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  const outSoFar = (s: number) => posts.filter((p) => p.at <= s).length;
  for (const c of chapters) {
    const key = `chapter:${c.at}:${c.title}`;
    if (c.at > elapsed || told.has(key)) continue;
    told.add(key);
    out.push(`${clock(c.at)}  ${c.title} (${outSoFar(c.at)} of ${posts.length} posts out)`);
  }
  const last = Math.max(0, ...posts.map((p) => p.at));
  if (posts.length && elapsed >= last && !told.has('end')) {
    told.add('end');
    out.push(`${clock(last)}  the scripted day has played (${posts.length} posts); the dashboard shows the cluster, the group complaint and the crisis tickets as the pipeline catches up`);
  }
  return out;
}

/** Tells the demo's progress through `log` as its chapters come, and once at the end. */
export function startDemoProgress(opts: { posts: IndexedPost[]; chapters: DemoChapter[]; startedAt: number; log: (line: string) => void }): () => void {
  const told = new Set<string>();
  const tick = () => {
    for (const line of demoProgressLines(opts.posts, opts.chapters, opts.startedAt, Date.now(), told)) opts.log(line);
    if (told.has('end')) clearInterval(timer);
  };
  const timer = setInterval(tick, 1000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
