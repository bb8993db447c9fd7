import { describe, expect, it } from 'vitest';
import { detectDemands } from './demands';

const kinds = (t: string) => detectDemands(t).map((d) => d.kind);

describe('detectDemands', () => {
  it('reads what a complainant asks for, zh and en', () => {
    expect(kinds('我要找你们经理，退款800元')).toEqual(['refund']);
    expect(kinds('东西坏了，要么换货要么补发，还要给个说法')).toEqual(['exchange', 'reship', 'apology', 'explanation']);
    expect(kinds('必须赔偿并且公开道歉')).toEqual(['compensation', 'apology']);
    expect(kinds('I want a refund and an apology')).toEqual(['refund', 'apology']);
    expect(kinds('please resend the parcel or send a replacement')).toEqual(['exchange', 'reship']);
    expect(kinds('Can someone explain why my order was cancelled?')).toEqual(['explanation']);
  });

  it('ignores what is described as done or refused', () => {
    expect(kinds('退款已到账，谢谢')).toEqual([]);
    expect(kinds('不要退款，只想要个解释')).toEqual(['explanation']);
    expect(kinds('got my refund already')).toEqual([]);
    expect(kinds('菜凉了')).toEqual([]);
  });

  it('names the words that asked', () => {
    expect(detectDemands('再不退款我就找媒体曝光')).toEqual([{ kind: 'refund', evidence: '退款' }]);
  });
});
