import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Signal } from '@vigil/contracts';
import { parseSpeed, readReplayFile } from './replay-rows';
import { scoreReplay } from './replay-score';

const tmp = (name: string, text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-replay-')), name);
  fs.writeFileSync(file, text);
  return file;
};

describe('replay files', () => {
  it('carries a row’s watch (watch, brand or company column) for the detector to key it by', async () => {
    const file = tmp('w.csv', 'id,at,text,brand\n1,2026-03-02T10:00:00Z,退款没到账,鲜达\n2,2026-03-02T10:01:00Z,login broken,\n');
    const r = await readReplayFile(file, 'replay:w');
    expect(r.rows.map((x) => x.mention.meta)).toEqual([{ watch: '鲜达' }, undefined]);
  });

  it('reads JSONL in time order, keeps original times, and names each bad row by line', async () => {
    const file = tmp(
      'h.jsonl',
      [
        JSON.stringify({ id: 'b', at: '2026-03-02T10:05:00+08:00', author: 'u2', text: '退款没到账', incident: 'refund' }),
        '{not json',
        JSON.stringify({ id: 'a', at: '2026-03-02T10:00:00+08:00', author: 'u1', text: '还行', incident: '' }),
        JSON.stringify({ id: 'c', text: 'no time here' }),
        JSON.stringify({ id: 'd', at: 'yesterday-ish', text: 'bad time' }),
        JSON.stringify({ id: 'a', at: '2026-03-02T11:00:00+08:00', text: 'same id again' }),
        JSON.stringify({ id: 'e', at: '2026-03-02T11:00:00Z', text: 'x', channel: 'pigeon' }),
      ].join('\n'),
    );
    const r = await readReplayFile(file, 'replay:h');
    expect(r.rows.map((x) => x.mention.externalId)).toEqual(['a', 'b']);
    expect(r.rows[0].mention).toMatchObject({ sourceType: 'replay', publishedAt: '2026-03-02T02:00:00.000Z', author: { id: 'u1' } });
    expect(r.labelled).toBe(true);
    expect(r.rows.map((x) => x.incident)).toEqual(['', 'refund']);
    expect(r.rejected).toEqual([
      'line 2: invalid JSON',
      expect.stringMatching(/^line 4: no time/),
      'line 5: unreadable time "yesterday-ish"',
      expect.stringMatching(/^line 7: unknown channel "pigeon"/),
      'line 6: repeats id "a"',
    ]);
  });

  it('reads a CSV export with its own column names (CFPB style)', async () => {
    const file = tmp('c.csv', 'Date received,Complaint ID,Consumer complaint narrative\n2019-05-01,11,"They charged me twice, again"\n2019-05-02,12,\n');
    const r = await readReplayFile(file, 'replay:c');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].mention).toMatchObject({ externalId: '11', text: 'They charged me twice, again', publishedAt: '2019-05-01T00:00:00.000Z' });
    expect(r.labelled).toBe(false);
    expect(r.rejected).toEqual([expect.stringMatching(/^line 3: no text/)]);
  });

  it('parses speeds and refuses nonsense', () => {
    expect(parseSpeed('max')).toBe(Infinity);
    expect(parseSpeed('60x')).toBe(60);
    expect(() => parseSpeed('fast')).toThrow(/max.*60x/);
    expect(() => parseSpeed('0x')).toThrow();
  });
});

describe('replay scoring', () => {
  it('judges each signal by the incident most of its samples belong to, and times the first hit', async () => {
    const lines = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, at: `2026-03-02T14:0${i}:00Z`, text: '退款', incident: 'storm' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, at: `2026-03-02T09:0${i}:00Z`, text: 'ok', incident: '' })),
      { id: 'q0', at: '2026-03-02T20:00:00Z', text: 'quiet', incident: 'missed' },
    ];
    const r = await readReplayFile(tmp('s.jsonl', lines.map((l) => JSON.stringify(l)).join('\n')), 'replay:s');
    const idOf = (ext: string) => r.rows.find((x) => x.mention.externalId === ext)!.mention.id;
    const signal = (id: string, at: string, samples: string[], kind: Signal['kind'] = 'cluster_new'): Signal => ({
      id, kind, key: id, at, label: id, severity: { level: 'important', score: 50, factors: [] },
      metrics: { size: 3, distinctAuthors: 3, velocityPerHour: 1, reach: 0 }, riskCues: [], categories: [], channels: [], places: [], products: [], sampleMentionIds: samples.map(idOf),
    });
    const score = scoreReplay(r.rows, [
      signal('late', '2026-03-02T14:05:00Z', ['s0', 's1', 's2']),
      signal('first', '2026-03-02T14:03:30Z', ['s0', 's1', 'b0']),
      signal('noise', '2026-03-02T09:03:00Z', ['b0', 'b1', 's5']),
      signal('cooling', '2026-03-02T15:00:00Z', ['s0'], 'burst_cooling'),
    ]);
    expect(score.judgedSignals).toBe(3);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBe(0.5);
    const storm = score.incidents.find((i) => i.incident === 'storm')!;
    expect(storm).toMatchObject({ posts: 6, detectedAt: '2026-03-02T14:03:30Z', postsBeforeDetection: 4, firstSignal: { id: 'first' } });
    expect(storm.delayMinutes).toBeCloseTo(3.5);
    expect(score.incidents.find((i) => i.incident === 'missed')!.detectedAt).toBeUndefined();
    expect(score.falseSignals.map((f) => f.id)).toEqual(['noise']);
  });
});
