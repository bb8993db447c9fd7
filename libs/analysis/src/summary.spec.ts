import { describe, expect, it } from 'vitest';
import { summarize, type SummaryPost } from './summary';

const post = (id: string, text: string, language = 'zh', minute = 0): SummaryPost => ({ id, text, language, publishedAt: new Date(Date.UTC(2026, 2, 2, 1, minute)).toISOString() });

describe('extractive summary', () => {
  const storm = [
    post('a', '阳光花园小区今天中午的外卖全部超时两个小时。我已经申请退款了。', 'zh', 0),
    post('b', '阳光花园这边外卖超时两个多小时，饭都凉了！', 'zh', 5),
    post('c', '我们小区外卖集体超时，退款申请还被拒绝。', 'zh', 9),
    post('d', '今天天气不错。', 'zh', 12),
    post('e', 'FreshDash delivery to Sunshine Garden was two hours late for everyone today.', 'en', 15),
  ];

  it('picks what many posts say, in the order posted, without repeating it', () => {
    const s = summarize(storm, 'zh');
    expect(s.language).toBe('zh');
    expect(s.text).toContain('超时');
    expect(s.text).not.toContain('天气');
    expect(s.text.length).toBeLessThanOrEqual(160);
    expect(s.from.length).toBeGreaterThan(0);
    expect(s.from).not.toContain('d');
    // In posting order.
    expect(s.from).toEqual([...s.from].sort());
  });

  it('uses the posts in the language asked for, and falls back to the others', () => {
    expect(summarize(storm, 'en')).toMatchObject({ language: 'en', from: ['e'], text: 'FreshDash delivery to Sunshine Garden was two hours late for everyone today.' });
    expect(summarize(storm.slice(0, 3), 'en').language).toBe('zh');
  });

  it('says nothing rather than something made up', () => {
    expect(summarize([], 'zh')).toEqual({ language: 'zh', text: '', from: [] });
    expect(summarize([post('x', '好')], 'zh').text).toBe('');
  });
});
