import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';

const analyzer = createAnalyzer();
const level = (text: string) => analyzer.analyze({ text }).analysis.emotion.level;

describe('emotion intensity', () => {
  it.each([
    ['calm negative review zh', '味道一般，送餐有点慢', 'calm'],
    ['calm en', 'The package arrived a day late.', 'calm'],
    ['angry zh: intensity words + punctuation + profanity', '气死我了！！！什么垃圾客服，妈的', 'angry'],
    ['angry en: capitals and profanity', 'THIS IS THE WORST SERVICE EVER, WHAT THE FUCK!!!', 'angry'],
    ['threat en', 'I am furious, I will sue you!!', 'angry'],
    ['angry emoji', '又送错了😡😡😡', 'angry'],
  ])('%s', (_n, text, expected) => {
    expect(level(text)).toBe(expected);
  });

  it.each([
    ['repeated punctuation zh', '怎么还没送到？？？太慢了！！'],
    ['insult and rhetorical question zh', '丧尽天良的商家，到底有没有人管？！'],
    ['insult zh', '狗仗人势，呸'],
    ['rhetorical zh', '凭什么不给退款？你们是干什么吃的'],
    ['insults en', 'You people are pathetic, how dare you charge me twice'],
  ])('not calm: %s', (_n, text) => {
    expect(level(text)).not.toBe('calm');
  });

  it('does not take acronyms for shouting', () => {
    expect(level('I filed with the FTC and BBB about the USD charge.')).toBe('calm');
  });
});
