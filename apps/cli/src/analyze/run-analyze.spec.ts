import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAnalyze } from './run-analyze';

describe('runAnalyze', () => {
  let dir: string;
  let stderr: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-analyze-'));
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (stderr.push(String(s)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('enriches JSONL, masks text and skips bad rows with their line numbers', async () => {
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, [
      JSON.stringify({ id: 1, text: '送餐太慢了，电话13812341234，我要投诉到12315' }),
      '{not json',
      JSON.stringify({ id: 2, note: 'no text field here' }),
      '',
      JSON.stringify({ id: 3, text: 'Great food, thanks!', rating: 5 }),
    ].join('\n'));
    const output = path.join(dir, 'out.jsonl');
    const res = await runAnalyze({ input, output });
    expect(res).toEqual({ ok: 2, bad: 2 });
    const rows = fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
    expect(rows[0].text).toContain('138****1234');
    expect(rows[0].analysis.riskCues[0].kind).toBe('regulator');
    expect(rows[1].analysis.sentiment.label).toBe('positive');
    const err = stderr.join('');
    expect(err).toMatch(/line 2: invalid JSON/);
    expect(err).toMatch(/line 3: no text field/);
    expect(err).toMatch(/analyzed 2 rows, skipped 2 bad rows/);
  });

  it('reads CSV with a chosen text field', async () => {
    const input = path.join(dir, 'in.csv');
    fs.writeFileSync(input, 'label,review\n1,很快，好吃\n0,"太难吃了,退款"\n');
    const output = path.join(dir, 'out.jsonl');
    expect(await runAnalyze({ input, output, textField: 'review' })).toEqual({ ok: 2, bad: 0 });
    const rows = fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows[1].analysis.sentiment.label).toBe('negative');
    expect(rows[1].label).toBe('0');
  });

  it('with --watch, tags rows with the watches they match and uses their taxonomy; a bad watch file stops before any row', async () => {
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, [
      JSON.stringify({ id: 1, text: 'SkyWays cancelled our flight and kept the refund, terrible' }),
      JSON.stringify({ id: 2, text: 'Nothing about airlines here, just a bad day' }),
    ].join('\n'));
    const watch = path.join(dir, 'w.yaml');
    fs.writeFileSync(watch, 'id: skyways\nname: SkyWays\nbrands: [{ name: SkyWays }]\ntaxonomy: { preset: airline }\n');
    const output = path.join(dir, 'out.jsonl');
    expect(await runAnalyze({ input, output, watchFile: watch })).toEqual({ ok: 2, bad: 0 });
    const rows = fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows[0].watches).toEqual([{ id: 'skyways', rule: 'SkyWays', competitor: false }]);
    expect(rows[0].analysis.categories.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['flight_cancellation', 'refund_compensation']));
    expect(rows[1].watches).toEqual([]);
    fs.writeFileSync(watch, 'id: skyways\nname: SkyWays\nrules: ["SkyWays OR"]\n');
    await expect(runAnalyze({ input, output, watchFile: watch })).rejects.toThrow(/w\.yaml:3:\d+ rules\.0: OR needs a term after it/);
  });
});
