import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';

const analyzer = createAnalyzer();
const ids = (text: string) => analyzer.analyze({ text }).analysis.categories.map((c) => c.id);

describe('complaint categories', () => {
  it.each([
    ['收到的杯子破损了，质量太差', 'product_quality'],
    ['The blender arrived broken and defective', 'product_quality'],
    ['快递三天了还没送到', 'logistics'],
    ['The delivery was late and the package was damaged', 'logistics'],
    ['客服态度很差，一直敷衍', 'service_attitude'],
    ['Customer service was rude and hung up on me', 'service_attitude'],
    ['重复扣款了，要求退款', 'billing_refund'],
    ['I was double charged and want my money back', 'billing_refund'],
    ['更新后一直闪退', 'function_bug'],
    ['The app crashes every time I open it', 'function_bug'],
    ['我的个人信息被泄露了', 'security_privacy'],
    ['My personal information was leaked in a breach', 'security_privacy'],
    ['说好的优惠券不能用，价格还涨了', 'price_promotion'],
    ['The coupon did not apply and the price went up', 'price_promotion'],
    ['登录不了，验证码收不到', 'account_login'],
    ['I cannot log in, the password reset is broken', 'account_login'],
  ])('%s → %s', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it('is multi-label with confidences in [0, 1], highest first', () => {
    const cats = analyzer.analyze({ text: '快递太慢，客服态度又差，还乱收费' }).analysis.categories;
    expect(cats.map((c) => c.id)).toEqual(expect.arrayContaining(['logistics', 'service_attitude', 'billing_refund']));
    for (let i = 1; i < cats.length; i++) expect(cats[i - 1]!.confidence).toBeGreaterThanOrEqual(cats[i]!.confidence);
  });

  it('falls back to other only for negative posts', () => {
    expect(ids('太糟糕了，非常失望')).toEqual(['other']);
    expect(ids('非常满意，谢谢')).toEqual([]);
  });

  it('uses a configured taxonomy', () => {
    const a = createAnalyzer({ taxonomy: [{ id: 'noise', keywords: ['噪音', 'noisy'] }] });
    expect(a.analyze({ text: '空调噪音太大' }).analysis.categories.map((c) => c.id)).toEqual(['noise']);
    expect(a.analyze({ text: '快递太慢了，差评' }).analysis.categories.map((c) => c.id)).toEqual(['other']);
  });
});

describe('categories from keywords and examples (no training)', () => {
  it('a category with examples only is found by the words its examples share with the post', () => {
    const a = createAnalyzer({
      taxonomy: [
        { id: 'noise', keywords: [], examples: ['楼上装修电钻声音太吵了', 'The neighbours drill makes so much noise every morning', '空调外机声音吵得睡不着'] },
        { id: 'smell', keywords: [], examples: ['楼道里一股垃圾臭味', 'The hallway smells of garbage all week'] },
      ],
    });
    expect(a.analyze({ text: '电钻声音从早上吵到晚上，太差了' }).analysis.categories.map((c) => c.id)).toEqual(['noise']);
    expect(a.analyze({ text: 'Garbage smells in the hallway again, awful' }).analysis.categories.map((c) => c.id)).toEqual(['smell']);
    // One word from one example is not enough evidence (a word in most of them would be).
    expect(a.analyze({ text: '装修风格很难看，很失望' }).analysis.categories.map((c) => c.id)).toEqual(['other']);
  });

  it('stems English words on both sides', async () => {
    const { stemEn } = await import('./categories');
    expect(['delays', 'delayed', 'delaying', 'delay'].map(stemEn)).toEqual(['delay', 'delay', 'delay', 'delay']);
    expect(['cancelled', 'canceled', 'stopped', 'bags', 'luggage'].map(stemEn)).toEqual(['cancel', 'cancel', 'stop', 'bag', 'luggage']);
  });

  it('the airline preset explains airline complaints that the default set leaves in other', async () => {
    const { AIRLINE_TAXONOMY } = await import('./categories');
    const airline = createAnalyzer({ taxonomy: AIRLINE_TAXONOMY });
    const post = { text: 'Flight got cancelled and they would only give me a voucher, terrible' };
    expect(analyzer.analyze(post).analysis.categories.map((c) => c.id)).toEqual(['other']);
    expect(airline.analyze(post).analysis.categories.map((c) => c.id)).toEqual(expect.arrayContaining(['flight_cancellation', 'refund_compensation']));
  });
});
