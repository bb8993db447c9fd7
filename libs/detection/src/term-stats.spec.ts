import { describe, expect, it } from 'vitest';
import { termKey } from './hash';
import { TermStats } from './term-stats';

describe('TermStats', () => {
  it('counts terms the same whether given as strings or as termKeys', () => {
    const a = new TermStats();
    const b = new TermStats();
    for (const doc of [['退款', 'refund'], ['退款'], ['late']]) {
      a.observe(doc);
      b.observeKeys(doc.map(termKey));
    }
    expect(a.docFreq('退款')).toBe(2);
    expect(a.docFreq('refund')).toBe(1);
    for (const t of ['退款', 'refund', 'late', 'unseen']) {
      expect(b.docFreqOfKey(termKey(t))).toBe(a.docFreq(t));
      expect(b.idfOfKey(termKey(t))).toBe(a.idf(t));
    }
    expect(a.idf('unseen')).toBeGreaterThan(a.idf('退款'));
  });
});
