import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyzer';
import { shippedSentimentModels } from '../models';
import { fitDomainLayer } from './domain-layer';
import { drain } from './logistic';
import type { LabelledText } from './update-models';

// A hotel deployment whose analysts say what the shipped model cannot know: near the metro is
// praise (the shipped model reads 离地铁站五百米 as negative), a room facing north is a complaint
// (the shipped model answers neutral).
const FILLERS = ['住了两晚', '周末入住', '出差住的', '带家人来的', '第二次来', '订的大床房', '晚上十点到的', '公司安排的', '和朋友一起', '提前一周订的', '住在八楼', '连住三天'];
const hotel: LabelledText[] = FILLERS.flatMap((f, i) => [
  { text: `离地铁站${i + 2}百米，${f}`, label: 'positive' as const },
  { text: `${f}，步行到地铁站${i + 1}分钟`, label: 'positive' as const },
  { text: `房间朝北，${f}`, label: 'negative' as const },
  { text: `${f}，窗户朝北没有阳光`, label: 'negative' as const },
]);
const label = (models: object, text: string) => createAnalyzer({ sentimentModels: models }).analyze({ text }).analysis.sentiment.label;

describe('fitDomainLayer', () => {
  const shipped = shippedSentimentModels();
  const layer = drain(fitDomainLayer(shipped, 'zh', hotel));
  const models = { ...shipped, ...layer };

  it('learns what the domain says of its own words, for posts it never saw', () => {
    expect(label(shipped, '离地铁站三百米，这次是来开会')).not.toBe('positive');
    expect(label(models, '离地铁站三百米，这次是来开会')).toBe('positive');
    expect(label(shipped, '房间朝北，这次是来开会')).toBe('neutral');
    expect(label(models, '房间朝北，这次是来开会')).toBe('negative');
  });

  it('leaves plain reviews as the shipped models read them', () => {
    for (const text of ['质量很好，非常满意，下次还买', '太差了，再也不买了', '送餐太慢，饭都凉了']) expect(label(models, text)).toBe(label(shipped, text));
  });

  it('folds into a polarity model and the stack; the shipped models stay as they were', () => {
    expect(Object.keys(layer).sort()).toEqual(['zh', 'zhStack']);
    expect(layer.zh!.weights).toHaveLength(shipped.zh.weights.length);
    expect(layer.zh!.bias).toBe(shipped.zh.bias);
    expect(layer.zhStack!.weights).toEqual(shipped.zhStack!.weights);
    expect(shippedSentimentModels().zh.weights).not.toBe(layer.zh!.weights);
  });

  it('states the neutral rule it learnt from the corrections, or leaves the rule when asked to', () => {
    // With the domain model these corrections are no longer weak: the shipped band answers them best (a tie keeps it).
    expect(layer.zhStack).toMatchObject({ neutralBand: 0.2, informationNeutral: true });
    const polarOnly = drain(fitDomainLayer(shipped, 'zh', hotel, { neutral: false }));
    expect(polarOnly.zhStack).toBe(shipped.zhStack);
  });

  it('fits nothing without enough corrections of both polarities', () => {
    expect(drain(fitDomainLayer(shipped, 'zh', hotel.filter((r) => r.label === 'positive')))).toEqual({});
    expect(drain(fitDomainLayer(shipped, 'zh', [...hotel.filter((r) => r.label === 'positive'), ...hotel.filter((r) => r.label === 'negative').slice(0, 4)]))).toEqual({});
  });

  it('adds the domain to the English neutral model: a domain without neutral posts answers fewer of them', () => {
    const reviews: LabelledText[] = ['the seat', 'the crew', 'the lounge', 'the gate agent', 'the meal', 'the legroom', 'the wifi', 'the check in'].flatMap((x) => [
      { text: `${x} was lovely on flight ${x.length}`, label: 'positive' as const },
      { text: `${x} on the morning flight, would fly again`, label: 'positive' as const },
      { text: `${x} was filthy on flight ${x.length}`, label: 'negative' as const },
      { text: `${x} on the morning flight, never again`, label: 'negative' as const },
    ]);
    const en = drain(fitDomainLayer(shipped, 'en', reviews));
    expect(en.enNeutral).toBeDefined();
    const neutral = (m: object, text: string) => createAnalyzer({ sentimentModels: m }).sentimentParts({ text }).neutralProb!;
    expect(neutral({ ...shipped, ...en }, 'the blanket on the evening flight')).toBeLessThan(neutral(shipped, 'the blanket on the evening flight'));
  });
});
