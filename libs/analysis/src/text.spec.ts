import { describe, expect, it } from 'vitest';
import { allMatches, countLettersAndDigits } from './text';

describe('countLettersAndDigits', () => {
  it.each([
    '',
    'Refund $59.99 now!!',
    '这家外卖送得太慢了，等了两个小时😡😡',
    '𠀀𠀁 astral Han, ٣ Arabic-Indic digit, Ⅻ roman numeral, é, ß, ① circled',
    'lone \ud800 high and \udc00 low surrogates',
    '  \n\t ',
  ])('matches the Unicode regex count: %s', (text) => {
    expect(countLettersAndDigits(text)).toBe((text.match(/[\p{L}\p{N}]/gu) ?? []).length);
  });
});

describe('allMatches', () => {
  it.each([
    [/退款|赔偿/g, '要求退款，不退款就要赔偿'],
    [/\bagain\b/gi, 'Again and again, AGAIN.'],
    [/x*/g, 'axxb'],
    [/(?:)/gu, 'a😀b'],
    [/\p{Extended_Pictographic}/gu, '好😀👍'],
    [/nothing/g, 'no match here'],
  ])('finds what matchAll finds: %s in %j', (re, text) => {
    const ours = allMatches(re, text).map((m) => [m.index, m[0]]);
    expect(ours).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0]]));
    expect(re.lastIndex).toBe(0);
  });

  it('refuses a non-global regex instead of looping forever', () => {
    expect(() => allMatches(/a/, 'aaa')).toThrow(/global/);
  });
});
