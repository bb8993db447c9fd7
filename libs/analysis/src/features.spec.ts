import { describe, expect, it } from 'vitest';
import { featuresEn, featuresZh, predict, predictEn, predictEnPair, predictZh, type LinearModel } from './features';

// A dense pseudo-random model: every feature id has its own weight, so an id out of order or missing shows.
const weights = new Float32Array(1 << 18);
for (let i = 0; i < weights.length; i++) weights[i] = Math.sin(i * 12.9898) * 3;

describe.each([1, 2, 3])('streamed model scoring, feature set %i', (version) => {
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

  it.each(['Ordered twice and it is still not delivered. Refund now!', '', 'a', "I don't like it, never again!!", '客服 customer service 很好', '@united soooo GREAT!!! http://t.co/abc #NeverAgain :) 😡 ?!', 'www.x.com ??'])(
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

describe('predictEnPair over feature sets 2 and 3 (polarity and neutral model of v8c)', () => {
  const m2: LinearModel = { bias: -0.2, weights: weights.map((w) => w / 3), version: 2 };
  const m3: LinearModel = { bias: 0.3, weights, version: 3 };
  it.each(['SOOO happy :) #LoveIt!!', 'plain text, no marks', '@united lost my bag http://t.co/x', '', ' ', 'ok?!'])('is bit-identical to predictEn: %s', (text) => {
    expect(predictEnPair(m3, m2, text)).toEqual([predictEn(m3, text), predictEn(m2, text)]);
    expect(predictEnPair(m2, m3, text)).toEqual([predictEn(m2, text), predictEn(m3, text)]);
  });
});

describe('tweet marks (feature set 3)', () => {
  const sorted = (text: string, v = 3) => [...featuresEn(text, [], v)].sort((a, b) => a - b);
  /** Ids set 3 adds to set 2 (texts without URLs or mentions, whose words set 3 replaces). */
  const marks = (text: string) => {
    const rest = [...featuresEn(text, [], 2)];
    return featuresEn(text, [], 3).filter((id) => { const i = rest.indexOf(id); if (i < 0) return true; rest.splice(i, 1); return false; });
  };
  const wordId = (w: string) => featuresEn(w, [], 1)[0]!;

  it('reads every URL and every @mention as one placeholder word', () => {
    expect(sorted('see http://t.co/abc now')).toEqual(sorted('see https://example.org/x/y?z=1 now'));
    expect(sorted('@united thanks')).toEqual(sorted('@delta thanks'));
    expect(sorted('@united thanks', 2)).not.toEqual(sorted('@delta thanks', 2));
    expect(sorted('mail me at a@b.com')).not.toEqual(sorted('mail me at a@c.com'));
  });

  it('gives emoji and emoticons a polarity class', () => {
    const happy = marks('ok 😀');
    expect(happy).toHaveLength(6);
    expect(marks('ok :)')).toEqual(happy);
    expect(marks('ok 😡')).toHaveLength(6);
    expect(marks('ok 😡')[0]).not.toBe(happy[0]);
  });

  it('marks elongated words and reads them squeezed', () => {
    const a = marks('soooo good');
    const b = marks('sooooooooo good');
    expect(a).toEqual(b);
    expect(a).toContain(wordId('soo'));
    expect(marks('so good')).toEqual([]);
  });

  it('marks all-caps words, with their polarity when the lexicon has them', () => {
    expect(marks('this is GREAT').length).toBeGreaterThan(marks('this is BLUE').length);
    expect(marks('this is BLUE')).toHaveLength(1);
    expect(marks('this is blue')).toEqual([]);
    expect(marks('I am OK')).toEqual([]);
  });

  it('marks repeated and mixed punctuation', () => {
    expect(marks('really?!')).toHaveLength(1);
    expect(marks('what!?')).toEqual(marks('really?!'));
    expect(marks('no!!')).toHaveLength(1);
    expect(marks('no!!')).not.toEqual(marks('why??'));
    expect(marks('no!')).toEqual([]);
  });

  it('splits camel-case hashtags into their words', () => {
    const m = marks('#NeverAgain');
    expect(m).toContain(wordId('never'));
    expect(m).toContain(wordId('again'));
    expect(marks('#fail')).toHaveLength(1);
  });
});
