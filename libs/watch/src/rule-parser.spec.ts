import { describe, expect, it } from 'vitest';
import { checkRule, parseRule, RuleSyntaxError } from './rule-parser';
import { printRule } from './rule-ast';

const canon = (rule: string) => printRule(parseRule(rule));

describe('parseRule: the syntax', () => {
  it.each([
    ['退款', '退款'],
    ['退款 没到账', '(退款 AND 没到账)'],
    ['退款 AND 没到账', '(退款 AND 没到账)'],
    ['退款 & 没到账 + 投诉', '(退款 AND 没到账 AND 投诉)'],
    ['退款 OR refund | 退钱', '(退款 OR refund OR 退钱)'],
    ['(鲜达 OR FreshDash) AND (退款 OR "money back")', '((鲜达 OR freshdash) AND (退款 OR "money back"))'.replace('freshdash', 'FreshDash')],
    ['鲜达 NOT 招聘', '(鲜达 AND NOT 招聘)'],
    ['鲜达 -招聘 -"job offer"', '(鲜达 AND NOT 招聘 AND NOT "job offer")'],
    ['退款 NEAR/10 没到账', '(退款 NEAR/10 没到账)'],
    ['退款 NEAR 没到账', '(退款 NEAR/10 没到账)'],
    ['refund ONEAR/5 (late OR never)', '(refund ONEAR/5 (late OR never))'],
    ['refund* *fund', '(refund* AND *fund)'],
    ['source:demo-weibo 退款', '(source:demo-weibo AND 退款)'],
    ['author:@FreshDash', 'author:freshdash'],
    ['a OR b c', '(a OR (b AND c))'],
    ['NOT a b', '(NOT a AND b)'],
    ['e-commerce', 'e-commerce'],
    ['"  money   back "', '"money back"'],
  ])('%s', (rule, expected) => {
    expect(canon(rule)).toBe(expected);
  });

  it('reads a rule typed with a Chinese keyboard (full-width brackets, bar, quotes) like its ASCII form', () => {
    expect(canon('（鲜达｜FreshDash）＋“没到账”')).toBe(canon('(鲜达|FreshDash)+"没到账"'));
  });

  it('keeps lower-case and/or/not as words', () => {
    expect(canon('rock and roll')).toBe('(rock AND and AND roll)');
  });
});

describe('parseRule: errors name their position', () => {
  it.each([
    ['', 0, /empty/],
    ['   ', 0, /empty/],
    ['(退款 OR 没到账', 0, /never closed/],
    ['退款 (没到账 OR (退钱)', 3, /never closed/],
    ['退款 OR 没到账)', 9, /no matching \(/],
    ['退款 OR', 3, /OR needs a term after it/],
    ['(退款 OR ) AND x', 4, /OR needs a term after it/],
    ['OR 退款', 0, /OR needs a term before it/],
    ['退款 OR OR 没到账', 3, /OR needs a term after it/],
    ['退款 AND', 3, /AND needs a term after it/],
    ['()', 0, /empty/],
    ['退款 "没到账', 3, /quote is never closed/],
    ['"" 退款', 0, /no word/],
    ['鲜达 - 招聘', 3, /no space/],
    ['re*fund', 2, /\* goes only/],
    ['NOT 招聘', 0, /none of its words/],
    ['-招聘 -广告', 0, /none of its words/],
    ['退款 NEAR/500 没到账', 3, /at most 200/],
    ['退款 NEAR/x 没到账', 3, /NEAR\/n/],
    ['(a AND b) NEAR/3 c', 1, /NEAR\/3 takes a word/],
    ['a NEAR/3 source:x', 9, /NEAR\/3 takes a word/],
    ['退款 NEAR/3', 3, /needs a term after it/],
    ['!!!', 0, /at least one letter/],
  ])('%j → at %i', (rule, position, reason) => {
    const r = checkRule(rule);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.position).toBe(position);
    expect(r.reason).toMatch(reason);
    expect(r.error).toContain(`at character ${position + 1}`);
  });

  it('throws a RuleSyntaxError carrying the position', () => {
    try {
      parseRule('a OR');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSyntaxError);
      expect((e as RuleSyntaxError).position).toBe(2);
    }
  });
});

describe('validateWatchRules', () => {
  it('refuses bad rules and exclusions with their path and position, and warns about what will surprise', async () => {
    const { validateWatchRules } = await import('./validate-watch');
    const r = validateWatchRules({
      brands: [{ name: '鲜', aliases: ['FD', '鲜'], handles: [], hashtags: [], appIds: [] }],
      products: [],
      rules: ['退款', '(退款 OR'],
      exclusions: ['招聘 OR'],
      sources: [],
    });
    expect(r.errors).toEqual([
      { field: 'rules.1', position: 4, message: expect.stringContaining('OR needs a term after it') },
      { field: 'exclusions.0', position: 3, message: expect.stringContaining('OR needs a term after it') },
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('"鲜" is so short'), expect.stringContaining('"FD" is so short'), expect.stringContaining('"鲜" is so short'), expect.stringContaining('listed twice')]);
    expect(validateWatchRules({ brands: [], products: [], rules: [], exclusions: [], sources: [] }).warnings[0]!.message).toMatch(/matches nothing/);
  });
});
