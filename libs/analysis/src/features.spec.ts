import { describe, expect, it } from 'vitest';
import { featuresEn, featuresZh, predict, predictEn, predictEnPair, predictZh, type LinearModel } from './features';

// A dense pseudo-random model: every feature id has its own weight, so an id out of order or missing shows.
const weights = new Float32Array(1 << 18);
for (let i = 0; i < weights.length; i++) weights[i] = Math.sin(i * 12.9898) * 3;

describe.each([1, 2])('streamed model scoring, feature set %i', (version) => {
  const model: LinearModel = { bias: 0.3, weights, ...(version > 1 ? { version } : {}) };
  it.each([
    ['这家外卖送得太慢了，等了两个小时', ['这家', '外卖', '送得', '太慢', '了', '，', '等', '了', '两个', '小时']],
    ['', []],
    [' \n ', [' ']],
    ['好评！😀 app很好用 very good', ['好评', '！', 'app', '很', '好用', 'very', 'good']],
    ['质量不满意，没有问题', ['质量', '不', '满意', '，', '没有', '问题']],
  ])('predictZh equals predict over featuresZh: %s', (text, words) => {
    expect(predictZh(model, text, words)).toBe(predict(model, featuresZh(text, words, version)));
  });

  it.each(['Ordered twice and it is still not delivered. Refund now!', '', 'a', "I don't like it, never again!!", '客服 customer service 很好'])(
    'predictEn equals predict over featuresEn: %s',
    (text) => {
      expect(predictEn(model, text)).toBe(predict(model, featuresEn(text, [], version)));
      const other: LinearModel = { ...model, bias: -0.7, weights: weights.map((w) => -w / 2) };
      expect(predictEnPair(model, other, text)).toEqual([predictEn(model, text), predictEn(other, text)]);
    },
  );
});

describe('lexicon features', () => {
  it('a negated lexicon word lands on a different feature than the plain one', () => {
    const plain = featuresZh('满意', ['满意'], 2);
    const negated = featuresZh('不满意', ['不', '满意'], 2);
    const lexOnly = (f: number[], g: number[]) => f.filter((x) => !g.includes(x));
    expect(new Set(lexOnly(plain, featuresZh('满意', ['满意'], 1))).size).toBe(1);
    expect(lexOnly(negated, featuresZh('不满意', ['不', '满意'], 1))).not.toContain(lexOnly(plain, featuresZh('满意', ['满意'], 1))[0]);
    expect(featuresEn('awful', [], 2).length).toBeGreaterThan(featuresEn('awful', [], 1).length);
  });
});
