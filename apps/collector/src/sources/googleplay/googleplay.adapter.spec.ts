// Real parts: export files on disk in the Play Console's encoding (UTF-16LE CSV) and the Play Developer API's JSON shape.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, sourceFrom } from '../../../../../test/support/collector-kit';
import { GooglePlayAdapter } from './googleplay.adapter';
import { decodeExport, parsePlayCsv } from './googleplay-export';

const CSV = 'googleplay/reviews_reviews_com.freshdash.app_202611.csv';

describe('Play Console CSV export', () => {
  it('decodes UTF-16LE, reads quoted multi-line text, and leaves out star-only ratings', () => {
    const items = parsePlayCsv(decodeExport(fs.readFileSync(fixturePath(CSV))), CSV);
    expect(items.map((i) => i.rating)).toEqual([1, 5, 2]);
    expect(items[0]).toMatchObject({ text: '退款申请三天没有处理，订单超时两个小时', langHint: 'zh', publishedAt: new Date(1795860062000).toISOString(), meta: { appVersion: '3.12.0', device: 'HWELE' } });
    expect(items[0]!.externalId).toMatch(/reviewId=gp:AOqpTOF1$/);
    expect(items[1]!.text).toBe('Fast delivery, "great" app, works fine');
    expect(items[2]!.text).toBe('App 更新后一直闪退,\n无法下单');
  });

  it('refuses a CSV that is not a reviews export', () => {
    expect(() => parsePlayCsv('a,b\n1,2\n', 'x.csv')).toThrow(/no "Review Text" column/);
  });
});

describe('GooglePlayAdapter', () => {
  const adapter = new GooglePlayAdapter();

  it('reads the API JSON (title and body split at the tab), and does not read an unchanged file again', async () => {
    const source = sourceFrom<'googleplay'>('id: gp\ntype: googleplay\nfile: googleplay/reviews-list.json');
    const first = await adapter.poll(source, { seen: [] });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ externalId: 'gp:AOqpTOH1', text: '送餐超时，老人等了两个小时', rating: 1, author: { name: '王阿姨' } });
    expect(first.items[1]).toMatchObject({ title: 'Great app', text: 'Works well since the update' });
    const again = await adapter.poll(source, JSON.parse(JSON.stringify(first.cursor)));
    expect(again.items).toEqual([]);
  });

  it('reads the file again when it changes, and names a missing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-gp-'));
    const file = path.join(dir, 'export.csv');
    fs.copyFileSync(fixturePath(CSV), file);
    const source = sourceFrom<'googleplay'>(`id: gp\ntype: googleplay\nfile: ${file}`);
    const first = await adapter.poll(source, { seen: [] });
    fs.appendFileSync(file, Buffer.from('com.freshdash.app,312,3.12.0,en,x,,,,,1,,Refund never came,,,,http://play.google.com/r?reviewId=gp:NEW\n', 'utf16le'));
    const second = await adapter.poll(source, first.cursor);
    expect(second.items.map((i) => i.externalId)).toContain('http://play.google.com/r?reviewId=gp:NEW');
    await expect(adapter.poll(sourceFrom<'googleplay'>(`id: gp\ntype: googleplay\nfile: ${dir}/nope.csv`), { seen: [] })).rejects.toThrow(/nope\.csv: cannot read the export: ENOENT/);
  });
});
