import { describe, expect, it } from 'vitest';
import { findAnchors } from './anchors';
import { shortTitle } from './titles';

describe('titles', () => {
  it('keeps a Chinese post’s first sentence, whole words, in Chinese', () => {
    expect(shortTitle('阳光花园小区多户退款未到账。已经等了一周，客服说在处理', 'zh')).toBe('阳光花园小区多户退款未到账');
    expect(shortTitle('更新之后老是闪退', 'zh')).toBe('更新之后老是闪退');
    // A fragment is followed by the next sentence; a long one is cut with an ellipsis.
    expect(shortTitle('哈哈。更新之后老是闪退，烦死了！', 'zh')).toBe('哈哈。更新之后老是闪退，烦死了！');
    const long = shortTitle('最大的问题就是无线调试和有线调试的问题，要么提示未连接（以连接线的情况下），要么提示锁屏（未锁屏的情况下）。', 'zh');
    expect(long.length).toBeLessThanOrEqual(36);
    expect(long.endsWith('…')).toBe(true);
  });

  it('cuts English at a sentence end or a word, never inside a version number, and drops links and handles', () => {
    expect(shortTitle('@united Flight UA1234 cancelled by the storm. No rebooking, no hotel. https://t.co/xyz', 'en')).toBe('Flight UA1234 cancelled by the storm');
    expect(shortTitle('Is FreshDash down? Login fails every time since version 5.2', 'en')).toBe('Is FreshDash down? Login fails every time since version 5.2');
    const long = shortTitle('a '.repeat(80) + 'end', 'en');
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/ …$/);
  });
});

describe('anchors (what an incident can concentrate on besides a place)', () => {
  it('finds a flight only where the post talks about flying, and stores, lines and trains by their names', () => {
    expect(findAnchors('Flight UA 1234 from Houston cancelled')).toEqual(['flight:UA1234']);
    expect(findAnchors('my RX580 card died, GT 710 too')).toEqual([]);
    expect(findAnchors('我在望京分店买的，门店拒绝退货')).toEqual(['store:望京分店']);
    expect(findAnchors('这家门店太差')).toEqual([]);
    expect(findAnchors('G1234次列车晚点三小时')).toEqual(['train:G1234']);
    expect(findAnchors('地铁4号线又停了')).toEqual(['line:4号线']);
    expect(findAnchors('store #123 refused my refund')).toEqual(['store:store #123']);
  });

  it('never makes a city an anchor', () => {
    expect(findAnchors('坐标北京，送餐太慢')).toEqual([]);
    expect(findAnchors('Houston here. Flight cancelled again')).toEqual([]);
  });
});
