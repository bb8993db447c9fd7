import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from './demo-scenario';
import { demoProgressLines, readChapters } from './demo-progress';

const file = path.resolve(__dirname, '../../../../demo/scenario.jsonl');

describe('demo progress', () => {
  const posts = readScenario(file);
  const chapters = readChapters(file, posts);

  it("reads the scenario's chapters, timed at their first post", () => {
    expect(chapters.map((c) => c.title)).toEqual(['Morning: ordinary chatter and reviews', 'Noon: the storm brews in 阳光花园小区 (Sunshine Garden): late deliveries, refunds refused']);
    expect(chapters[1]!.at).toBe(20);
  });

  it('tells each chapter once as its time comes, then the end once', () => {
    const told = new Set<string>();
    const t0 = 1_000_000;
    expect(demoProgressLines(posts, chapters, t0, t0 + 1_000, told)).toEqual([`0:00  Morning: ordinary chatter and reviews (1 of ${posts.length} posts out)`]);
    expect(demoProgressLines(posts, chapters, t0, t0 + 5_000, told)).toEqual([]);
    expect(demoProgressLines(posts, chapters, t0, t0 + 21_000, told)).toEqual([expect.stringMatching(/^0:20 {2}Noon: the storm brews/)]);
    const end = demoProgressLines(posts, chapters, t0, t0 + 600_000, told);
    expect(end).toEqual([expect.stringContaining(`the scripted day has played (${posts.length} posts)`)]);
    expect(demoProgressLines(posts, chapters, t0, t0 + 700_000, told)).toEqual([]);
  });
});
