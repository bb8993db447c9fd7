import { describe, expect, it } from 'vitest';
import { countLettersAndDigits } from './text';

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
