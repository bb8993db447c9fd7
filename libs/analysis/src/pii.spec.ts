import { describe, expect, it } from 'vitest';
import { maskPii, PII_KINDS, validIdCard } from './pii';

const all = new Set(PII_KINDS);

describe('PII masking', () => {
  it.each([
    ['CN mobile', '电话13812341234谢谢', '电话138****1234谢谢', ['phone']],
    ['CN mobile with +86', 'call +8613812341234', 'call +86138****1234', ['phone']],
    ['intl phone', 'call me at +44 20 7946 0958', 'call me at +44 ** **** 0958', ['phone']],
    ['US phone', 'my number is (415) 555-2671', 'my number is (415) ***-2671', ['phone']],
    ['ID card with X checksum', '身份证11010519900307005X', '身份证110***********005X', ['id_card']],
    ['ID card digit checksum', 'ID 110105199003071239.', 'ID 110***********1239.', ['id_card']],
    ['e-mail', 'write to alice@example.com', 'write to a****@example.com', ['email']],
  ])('%s', (_n, text, masked, kinds) => {
    const r = maskPii(text, all);
    expect(r.masked).toBe(masked);
    expect(r.kinds).toEqual(kinds);
    expect(r.masked.length).toBe(text.length);
  });

  it('rejects 18-digit numbers with a wrong checksum', () => {
    expect(validIdCard('110105199003071234')).toBe(false);
    expect(maskPii('110105199003071234', all).kinds).not.toContain('id_card');
  });

  it('does not mask protected spans (order numbers)', () => {
    expect(maskPii('13812341234', all, [{ start: 0, end: 11 }]).masked).toBe('13812341234');
  });

  it('does not take longer digit runs for phones', () => {
    expect(maskPii('订单2024138123412345', all).kinds).toEqual([]);
  });
});
