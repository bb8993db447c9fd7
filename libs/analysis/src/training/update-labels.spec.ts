import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyzer';
import { shippedSentimentModels } from '../models';
import { isCheckRow } from './update-models';
import { updateLabels, type AngerRow, type LabelCorrection } from './update-labels';

// A word the emotion rules and the taxonomy do not know: 忽悠 (to con someone), 纸盒 (carton).
const CON = ['这家店就是在忽悠人', '又被忽悠了一次', '全是忽悠，别信', '客服满嘴忽悠', '忽悠消费者的商家'];
const CALM = ['今天中午点了一份饭', '收到了，明天再看看', '请问几点开门', '我在家等快递', '这周末有活动吗'];
const BOX = ['纸盒压扁了', '外面的纸盒破了一个洞', '纸盒湿透了', '收到时纸盒变形', '纸盒上全是泥'];
const rows = (texts: string[], n: number) => Array.from({ length: n }, (_, i) => `${texts[i % texts.length]!}${i}`);
const heldOut: AngerRow[] = [...rows(CALM, 30).map((text) => ({ text, angry: false })), ...rows(['服务太差了，气死我了！！', '垃圾商家，骗子！'], 10).map((text) => ({ text, angry: true }))];
const replay = rows(['味道很好，送得也快', '非常满意，下次还买', '包装很好，质量不错', '送了两个小时，饭都凉了', '质量太差，用一天就坏了', '客服态度恶劣，不给退款'], 120);

describe('updateLabels (emotion and categories learnt from corrections)', () => {
  const shipped = shippedSentimentModels();

  it('learns anger in words the rules never knew, and keeps calm posts calm', () => {
    const corrections: LabelCorrection[] = [...rows(CON, 60).map((text) => ({ text, emotion: 'angry' as const })), ...rows(CALM, 30).map((text) => ({ text: `${text}!`, emotion: 'calm' as const }))];
    const r = updateLabels(shipped, corrections, { replay, heldOutAnger: heldOut });
    const rep = r.reports.find((x) => x.component === 'emotion')!;
    expect(rep).toMatchObject({ accepted: true, reasonCode: 'not-worse' });
    expect(rep.check.after).toBeGreaterThan(rep.check.before);
    const before = createAnalyzer({ sentimentModels: shipped });
    const after = createAnalyzer({ sentimentModels: { ...shipped, labels: r.labels } });
    const unseen = '别再忽悠我们了';
    expect(before.analyze({ text: unseen }).analysis.emotion.level).toBe('calm');
    expect(after.analyze({ text: unseen }).analysis.emotion.level).not.toBe('calm');
    expect(after.analyze({ text: '请问明天几点开门' }).analysis.emotion.level).toBe('calm');
  });

  it('refuses an emotion update that makes the held-out set worse', () => {
    // Corrections that call every plain question angry, checked against the same calm questions.
    const wrong: LabelCorrection[] = rows(CALM, 80).map((text) => ({ text, emotion: 'angry' as const }));
    const r = updateLabels(shipped, wrong, { heldOutAnger: rows(CALM, 40).map((text) => ({ text: `${text}?`, angry: false })), weight: 10 });
    const rep = r.reports.find((x) => x.component === 'emotion')!;
    expect(rep.heldOut.after).toBeLessThan(rep.heldOut.before);
    expect(rep).toMatchObject({ accepted: false, reasonCode: 'worse-held-out' });
    expect(r.labels.emotion).toBeUndefined();
  });

  it('learns a category from corrections, checked on the corrections kept aside', () => {
    const corrections: LabelCorrection[] = rows(BOX, 80).map((text) => ({ text, categories: ['logistics'] }));
    const r = updateLabels(shipped, corrections, { replay });
    const rep = r.reports.find((x) => x.component === 'categories')!;
    expect(rep.checked).toBe(corrections.filter((c) => isCheckRow(c.text)).length);
    expect(rep).toMatchObject({ accepted: true, reasonCode: 'not-worse' });
    expect(rep.check.after).toBeGreaterThan(rep.check.before);
    const after = createAnalyzer({ sentimentModels: { ...shipped, labels: r.labels } });
    expect(createAnalyzer().analyze({ text: '纸盒又湿了' }).analysis.categories.map((c) => c.id)).not.toContain('logistics');
    expect(after.analyze({ text: '纸盒又湿了' }).analysis.categories.map((c) => c.id)).toContain('logistics');
    // A replayed post keeps the rules' categories.
    const praise = replay[0]!;
    expect(after.analyze({ text: praise }).analysis.categories).toEqual(createAnalyzer().analyze({ text: praise }).analysis.categories);
  });

  it('refuses a category update with too few corrections kept aside to check it', () => {
    const r = updateLabels(shipped, rows(BOX, 6).map((text) => ({ text, categories: ['logistics'] })), { replay });
    expect(r.reports[0]).toMatchObject({ component: 'categories', accepted: false });
    expect(['too-few-kept-aside', 'no-held-out']).toContain(r.reports[0]!.reasonCode);
    expect(r.labels.categories).toBeUndefined();
  });
});
