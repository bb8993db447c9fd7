// Pure parts and the file round trip of `vigil train`, on a small reference data set written
// here in the ../shared/data layout (no servers involved).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeploymentModels } from '@vigil/contracts';
import { fromDeploymentModels } from '@vigil/analysis';
import { readCorrections, runTrain } from './run-train';
import { writeReferenceData as writeReference } from '../../../../test/support/reference-data';

const correction = (id: string, text: string, sentiment: string, language = 'zh', at = '2026-01-01T00:00:00Z') =>
  JSON.stringify({ mentionId: id, text, language, sentiment, by: 'ana', at });

/** Reference data and a file of 40 hotel corrections (two praising, two complaining texts in turn). */
function hotelCorrections(dir: string): { data: string; file: string } {
  const data = path.join(dir, 'data');
  writeReference(data);
  const file = path.join(dir, 'c.jsonl');
  const hotel = ['房间很干净，前台热情', '早餐丰富，位置方便', '隔音太差，一夜没睡', '空调坏了没人修'];
  fs.writeFileSync(file, Array.from({ length: 40 }, (_, i) => correction(`h${i}`, `${hotel[i % 4]}${i}`, i % 4 < 2 ? 'positive' : 'negative')).join('\n'));
  return { data, file };
}

describe('vigil train', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-train-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads corrections: bad lines by number, the latest correction of a post wins, other languages skipped', () => {
    const file = path.join(dir, 'c.jsonl');
    fs.writeFileSync(file, [
      correction('m1', '房间干净，服务周到', 'negative', 'zh', '2026-01-01T00:00:00Z'),
      '{oops',
      JSON.stringify({ mentionId: 'm2', language: 'zh', sentiment: 'positive', by: 'ana', at: '2026-01-01T00:00:00Z' }),
      correction('m1', '房间干净，服务周到', 'positive', 'zh', '2026-01-02T00:00:00Z'),
      correction('m3', 'Boa comida', 'positive', 'other'),
      JSON.stringify({ mentionId: 'm4', text: 'x', language: 'en', by: 'ana', at: '2026-01-01T00:00:00Z' }),
      '',
    ].join('\n'));
    const r = readCorrections(file);
    expect(r.bad).toHaveLength(3);
    expect(r.bad[0]).toMatch(/^line 2: not JSON/);
    expect(r.bad[1]).toMatch(/^line 3: text/);
    expect(r.bad[2]).toMatch(/^line 6: .*needs a sentiment, categories, an emotion or risk cues/);
    expect(r.rows.zh).toEqual([{ text: '房间干净，服务周到', label: 'positive' }]);
    expect(r.skipped).toBe(1);
  });

  it('folds per field: a later category correction keeps the sentiment corrected before', () => {
    const file = path.join(dir, 'c.jsonl');
    fs.writeFileSync(file, [
      correction('m1', '快递三天才到，客服不理人', 'negative', 'zh', '2026-01-01T00:00:00Z'),
      JSON.stringify({ mentionId: 'm1', text: '快递三天才到，客服不理人', language: 'zh', categories: ['logistics'], by: 'bo', at: '2026-01-02T00:00:00Z' }),
      JSON.stringify({ mentionId: 'm2', text: 'The app logs me out every hour', language: 'en', categories: ['account_login'], emotion: 'agitated', by: 'bo', at: '2026-01-02T00:00:00Z' }),
    ].join('\n'));
    const r = readCorrections(file);
    expect(r.rows.zh).toEqual([{ text: '快递三天才到，客服不理人', label: 'negative' }]);
    expect(r.labels).toEqual([
      { text: '快递三天才到，客服不理人', categories: ['logistics'] },
      { text: 'The app logs me out every hour', emotion: 'agitated', categories: ['account_login'] },
    ]);
    expect(r.posts).toBe(2);
  });

  it('learns category corrections with their check and writes them only when kept', () => {
    const data = path.join(dir, 'data');
    writeReference(data);
    const file = path.join(dir, 'c.jsonl');
    // Late deliveries the rules give no logistics category (no keyword), corrected to logistics.
    const texts = ['等了一个星期还没到', '包裹在路上走了十天', '三天了还在转运中心', '说好次日达结果第五天'];
    fs.writeFileSync(file, Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({ mentionId: `c${i}`, text: `${texts[i % 4]}，第${i}次`, language: 'zh', categories: ['logistics'], by: 'ana', at: '2026-01-01T00:00:00Z' })).join('\n'));
    const models = path.join(dir, 'models');
    const out: string[] = [];
    expect(runTrain({ corrections: file, data, models }, (s) => out.push(s))).toBe(0);
    expect(out[0]).toMatch(/^0 sentiment corrections .*, 0 emotion, 60 category/);
    const report = out.find((l) => l.startsWith('categories:'))!;
    // The rules miss every one of these (no logistics keyword), the nudge finds the kept-aside ones.
    expect(report).toMatch(/kept aside \(n=\d+\) \d.* → .*: KEPT/);
    const doc = DeploymentModels.parse(JSON.parse(fs.readFileSync(path.join(models, 'sentiment-models.json'), 'utf8')));
    expect(Object.keys(doc.models.categories ?? {})).toContain('logistics');
    expect(doc.models.zh).toBeUndefined();
  });

  it('trains, checks and writes a valid model file (only the updated language); refuses without reference data', () => {
    const { data, file } = hotelCorrections(dir);
    const models = path.join(dir, 'models');
    const out: string[] = [];
    expect(runTrain({ corrections: file, data, models }, (s) => out.push(s))).toBe(0);
    const report = out.find((l) => l.startsWith('zh:'))!;
    expect(report).toMatch(/held-out \(n=\d+\) .* → .*(KEPT|REFUSED)/);
    const written = fs.existsSync(path.join(models, 'sentiment-models.json'));
    expect(written).toBe(/KEPT/.test(report));
    if (written) {
      const doc = DeploymentModels.parse(JSON.parse(fs.readFileSync(path.join(models, 'sentiment-models.json'), 'utf8')));
      expect(fromDeploymentModels(doc).zh?.weights.length).toBe(1 << 18);
      expect(doc.models.en).toBeUndefined();
    }

    expect(() => runTrain({ corrections: file, data: path.join(dir, 'nowhere'), models }, () => {})).toThrow(/reference data not found/);
  });

  it('builds from the shipped models like the processor\'s job: the same corrections again give the same model, not one trained on them twice', () => {
    const { data, file } = hotelCorrections(dir);
    const models = path.join(dir, 'models');
    const stored = () => DeploymentModels.parse(JSON.parse(fs.readFileSync(path.join(models, 'sentiment-models.json'), 'utf8')));
    const first: string[] = [];
    expect(runTrain({ corrections: file, data, models }, (s) => first.push(s))).toBe(0);
    expect(first.find((l) => l.startsWith('zh:'))).toMatch(/KEPT/);
    const once = stored().models;
    const second: string[] = [];
    expect(runTrain({ corrections: file, data, models }, (s) => second.push(s))).toBe(0);
    const report = second.find((l) => l.startsWith('zh:'))!;
    // Checked against the file in force: the same answers, so not worse, and the same weights written.
    expect(report).toMatch(/KEPT/);
    expect(stored().models.zh!.weights).toBe(once.zh!.weights);
    expect(stored().models.zhStack).toEqual(once.zhStack);
    // The corrections' figure before is the file in force's, equal to after.
    const [, before, after] = /corrections \(n=\d+\) ([\d.]+) % → ([\d.]+) %/.exec(report)!;
    expect(before).toBe(after);
  });
});
