import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';
import { combineSentiment } from './sentiment';

const analyzer = createAnalyzer();
const label = (text: string, rating?: number) => analyzer.analyze({ text, rating }).analysis.sentiment.label;
const score = (text: string) => analyzer.analyze({ text }).analysis.sentiment.score;

describe('sentiment', () => {
  it.each([
    ['plain positive zh', '味道很好，送餐也快', 'positive'],
    ['plain negative zh', '太难吃了，再也不点了', 'negative'],
    ['negation zh', '一点都不好吃', 'negative'],
    ['negation 没 zh', '没有想象中的好', 'negative'],
    ['double negation zh', '这家店也不是不好', 'positive'],
    ['contrast zh: the later clause wins', '虽然包装很好，但是味道太差了', 'negative'],
    ['contrast zh reversed', '虽然送得有点慢，但是味道非常好', 'positive'],
    ['rhetorical complaint zh', '你们还能再慢一点吗', 'negative'],
    ['rhetorical complaint zh 2', '有没有搞错，这也叫外卖？', 'negative'],
    ['plain positive en', 'The food was delicious and the staff were friendly', 'positive'],
    ['plain negative en', 'Terrible service, the worst experience ever', 'negative'],
    ['negation en', 'The food was not good at all', 'negative'],
    ['negated negative en', 'Not bad at all, would order again', 'positive'],
    ['contrast en', 'The food was great but the delivery was extremely slow and rude', 'negative'],
    ['rhetorical en', 'Could it be any slower? Thanks for nothing', 'negative'],
    ['emoji', '今天的外卖😡😡', 'negative'],
    ['emoticon', 'arrived today :)', 'positive'],
    ['sarcasm en', 'Great, another 3 hour delay, thanks @united', 'negative'],
    ['sarcasm en, marked', 'This is awesome. #sarcasm', 'negative'],
    ['sarcasm en, thanks for nothing', 'Thanks for nothing, support', 'negative'],
    ['sarcasm zh, 呵呵', '送得真快呵呵', 'negative'],
    ['sarcasm zh, praise then the failure', '真是太棒了，等了两小时还是凉的', 'negative'],
  ])('%s', (_name, text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('degree words strengthen the score', () => {
    expect(score('非常好吃')).toBeGreaterThan(score('有点好吃'));
    expect(score('extremely slow delivery')).toBeLessThan(score('slightly slow delivery'));
  });

  it('uses a star rating as a strong prior', () => {
    expect(label('收到了', 1)).toBe('negative');
    expect(label('收到了', 5)).toBe('positive');
    expect(label('Received it', 1)).toBe('negative');
    // The rating dominates a mildly worded text.
    expect(label('还行吧', 5)).toBe('positive');
  });

  it('leaves texts without any opinion neutral', () => {
    expect(label('')).toBe('neutral');
    expect(label('12345')).toBe('neutral');
  });

  it.each([
    '请问你们门店几点开门？',
    '想问一下怎么办理退换货',
    '据新华社报道，该公司将于下月发布新款手机',
    'What time does the store on Main Street open?',
    'Apple will release the new iPhone on September 7',
  ])('reads questions and news as neutral: %s', (text) => {
    expect(label(text)).toBe('neutral');
  });

  it.each(['请问为什么还没发货？', 'Why is my order still not here?'])('but not a question that is the complaint: %s', (text) => {
    expect(label(text)).toBe('negative');
  });

  it('gives a confidence in [0, 1] and a score in [-1, 1]', () => {
    for (const t of ['太差了!!!', 'great', '', '还行']) {
      const s = analyzer.analyze({ text: t }).analysis.sentiment;
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
    }
  });
});

describe('a learnt neutral rule (language without a neutral model)', () => {
  const stack = { bias: 0, weights: [1] };
  const weak = { rules: { score: 0, hits: 0, special: [] }, modelProb: 0.54, contentLength: 10 };
  const question = { rules: { score: 0, hits: 0, special: ['information'] }, modelProb: 0.2, contentLength: 10 };

  it('answers a weak post with no opinion word neutral within the band, by its sign outside it', () => {
    expect(combineSentiment({ ...weak, stack }).label).toBe('neutral');
    expect(combineSentiment({ ...weak, stack: { ...stack, neutralBand: 0 } }).label).toBe('positive');
  });

  it('keeps a question neutral unless the deployment dropped the information rule', () => {
    expect(combineSentiment({ ...question, stack }).label).toBe('neutral');
    expect(combineSentiment({ ...question, stack: { ...stack, informationNeutral: false } }).label).toBe('negative');
  });
});
