import { describe, expect, it } from 'vitest';
import { compareToBaseline } from './volume.controller';

const w = (total: number) => ({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-02T01:00:00.000Z', total, negative: 0 });

describe('compareToBaseline', () => {
  it('uses the median of the past days, so one stormy day does not raise the bar', () => {
    const v = compareToBaseline([w(30), w(10), w(12), w(400), w(11), w(9)]);
    expect(v.baseline).toBe(11);
    expect(v.ratio).toBeCloseTo(30 / 11);
  });

  it('says there is nothing to compare with instead of inventing a ratio', () => {
    expect(compareToBaseline([w(5), w(0), w(0)]).ratio).toBeNull();
  });
});
