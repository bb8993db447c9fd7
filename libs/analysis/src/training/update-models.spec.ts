import { describe, expect, it } from 'vitest';
import { shippedSentimentModels } from '../models';
import { accuracy, isCheckRow, significantlyWorse, updateModels, type LabelledText } from './update-models';

describe('significantlyWorse', () => {
  it('is not worse for a few rows lost among many', () => {
    const before = new Array(3000).fill(true);
    const after = [...before];
    after[0] = after[1] = after[2] = false;
    expect(significantlyWorse(before, after)).toBe(false);
  });

  it('is worse when it loses many more rows than it wins', () => {
    const before = new Array(1000).fill(true);
    const after = before.map((_, i) => i >= 60);
    expect(significantlyWorse(before, after)).toBe(true);
    expect(significantlyWorse(after, before)).toBe(false);
  });
});

describe('updateModels', () => {
  const praise: LabelledText[] = ['味道很好，送得也快', '非常满意，下次还买', '包装很好，质量不错', '客服很热情，推荐', '东西很新鲜，好吃', '性价比很高，很喜欢']
    .flatMap((t, i) => [0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({ text: `${t}${'！'.repeat(k % 3)}${i}${k}`, label: 'positive' as const })));

  it('refuses an update that makes the held-out rows worse', () => {
    // Corrections that call every plain compliment negative, checked against the same compliments.
    const wrong = praise.map((r) => ({ ...r, label: 'negative' as const }));
    const r = updateModels(shippedSentimentModels(), { zh: wrong, en: [] }, { zh: praise, en: [] }, { weight: 20, epochs: 10 });
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0]!.accepted).toBe(false);
    expect(r.reports[0]!.heldOut.after).toBeLessThan(r.reports[0]!.heldOut.before);
    expect(r.models.zh).toBe(shippedSentimentModels().zh);
  });

  it('keeps an update that is not worse and leaves the other language alone', () => {
    const r = updateModels(shippedSentimentModels(), { zh: praise, en: [] }, { zh: praise, en: [] });
    expect(r.reports[0]!.accepted).toBe(true);
    expect(r.models.zh).not.toBe(shippedSentimentModels().zh);
    expect(r.models.en).toBe(shippedSentimentModels().en);
  });

  it('compares with the models in force when they are not the base it trains from', () => {
    const shipped = shippedSentimentModels();
    const inForce = updateModels(shipped, { zh: praise, en: [] }, { zh: praise, en: [] }).models;
    const r = updateModels(shipped, { zh: praise, en: [] }, { zh: praise, en: [] }, { current: inForce });
    expect(r.reports[0]!.heldOut.before).toBe(accuracy(inForce, praise));
    expect(r.models.en).toBe(inForce.en);
  });

  it('trains on every correction and checks each one out of fold; without cross-checking a fifth is kept aside untrained', () => {
    const r = updateModels(shippedSentimentModels(), { zh: praise, en: [] }, { zh: praise, en: [] });
    expect(r.reports[0]).toMatchObject({ corrections: praise.length, checked: praise.length });
    const aside = praise.filter((x) => isCheckRow(x.text)).length;
    const old = updateModels(shippedSentimentModels(), { zh: praise, en: [] }, { zh: praise, en: [] }, { crossCheck: false });
    expect(old.reports[0]).toMatchObject({ corrections: praise.length - aside, checked: aside });
  });

  it('fits the domain layer beside the fine-tuning and keeps, of those not worse, the one best on the corrections out of fold (a tie: the fine-tuning)', () => {
    const fillers = ['住了两晚', '周末入住', '出差住的', '带家人来的', '第二次来', '订的大床房', '晚上十点到的', '公司安排的', '和朋友一起', '提前一周订的'];
    const hotel: LabelledText[] = fillers.flatMap((f, i) => [
      { text: `离地铁站${i + 2}百米，${f}`, label: 'positive' as const },
      { text: `房间朝北，${f}`, label: 'negative' as const },
    ]);
    const held: LabelledText[] = [...praise.slice(0, 24), ...['太差了，再也不买', '送餐太慢，饭都凉了', '质量很差，退货'].map((text) => ({ text, label: 'negative' as const }))];
    const rep = updateModels(shippedSentimentModels(), { zh: hotel, en: [] }, { zh: held, en: [] }).reports[0]!;
    expect(rep.tried?.map((t) => t.form)).toEqual(['layer', 'layer-polarity', 'finetune']);
    expect(rep.accepted).toBe(true);
    const best = Math.max(...rep.tried!.filter((t) => t.accepted).map((t) => t.check));
    expect(rep.check.after).toBe(best);
    const kept = rep.tried!.find((t) => t.form === rep.form)!;
    expect(kept).toMatchObject({ accepted: true, check: best });
    // A tie keeps the fine-tuning.
    if (rep.tried!.some((t) => t.form === 'finetune' && t.accepted && t.check === best)) expect(rep.form).toBe('finetune');
    // The fine-tuning alone, as before the layer.
    const old = updateModels(shippedSentimentModels(), { zh: hotel, en: [] }, { zh: held, en: [] }, { form: 'finetune' }).reports[0]!;
    expect(old.form).toBe('finetune');
    expect(old.tried).toBeUndefined();
  });

  it('refuses without a held-out set to check against', () => {
    const r = updateModels(shippedSentimentModels(), { zh: praise, en: [] }, { zh: [], en: [] });
    expect(r.reports[0]!.accepted).toBe(false);
    expect(r.reports[0]!.reason).toMatch(/no held-out/);
  });
});
