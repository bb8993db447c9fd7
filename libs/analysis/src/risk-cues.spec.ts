import type { RiskCueKind } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';

const analyzer = createAnalyzer();
const cues = (text: string) => analyzer.analyze({ text }).analysis.riskCues;
const kinds = (text: string) => cues(text).map((c) => c.kind);

describe('risk cues', () => {
  it.each<[RiskCueKind, string, string]>([
    ['manager_request', '叫你们经理出来', '叫你们经理'],
    ['manager_request', 'I want to speak to a manager now', 'want to speak to a manager'],
    ['regulator', '我已经打了12315', '12315'],
    ['regulator', '去市场监管局投诉你们', '市场监管'],
    ['regulator', 'I filed a complaint with the BBB', 'BBB'],
    ['media', '我要找记者曝光你们', '记者'],
    ['media', 'I will contact a journalist about this', 'journalist'],
    ['legal', '我会请律师起诉你们', '律师'],
    ['legal', 'We are filing a class action', 'class action'],
    ['vulnerable_person', '家里有老人等着吃饭', '老人'],
    ['vulnerable_person', 'my pregnant wife waited for hours', 'pregnant'],
    ['medical_or_exam', '耽误了孩子考试', '考试'],
    ['medical_or_exam', 'I missed my hospital appointment', 'hospital'],
    ['safety', '充电器起火了', '起火'],
    ['safety', 'the charger caught fire last night', 'caught fire'],
    ['data_leak', '我的信用卡被盗刷了', '被盗刷'],
    ['data_leak', 'my account was hacked', 'hacked'],
    ['collective_action', '我们小区很多人都没收到', '我们小区'],
    ['collective_action', 'everyone in my building had the same outage', 'everyone in my building'],
    ['repeat_complaint', '又送错了', '又'],
    ['repeat_complaint', '这是第三次投诉了', '第三次'],
    ['repeat_complaint', 'it broke again', 'again'],
    ['repeat_complaint', 'still not delivered after 3 weeks', 'still not'],
    ['compensation_demand', '我要求退款', '退款'],
    ['compensation_demand', 'I want a full refund', 'refund'],
  ])('%s in "%s"', (kind, text, evidence) => {
    const c = cues(text).find((x) => x.kind === kind);
    expect(c?.evidence).toBe(evidence);
    expect(analyzer.analyze({ text }).maskedText.slice(c!.start, c!.end)).toBe(evidence);
  });

  it.each<[string, RiskCueKind]>([
    ['又快又好，下次还来', 'repeat_complaint'],
    ['又便宜又好吃', 'repeat_complaint'],
    ['Great food, would definitely order again', 'repeat_complaint'],
    ['不用找经理，问题已经解决了', 'manager_request'],
    ['I do not want a refund, just the item', 'compensation_demand'],
    ['已经退款了，谢谢', 'compensation_demand'],
    ['没有起诉的打算', 'legal'],
    ['This team is on fire tonight', 'safety'],
    ['We will not sue', 'legal'],
  ])('no false positive in "%s" (%s)', (text, kind) => {
    expect(kinds(text)).not.toContain(kind);
  });

  it('attaches a nearby amount to a compensation demand', () => {
    expect(cues('必须赔偿2万元').find((c) => c.kind === 'compensation_demand')?.amount).toBe(20000);
    expect(cues('I want a refund of $120').find((c) => c.kind === 'compensation_demand')?.amount).toBe(120);
    expect(cues('我要求退款').find((c) => c.kind === 'compensation_demand')?.amount).toBeUndefined();
  });
});
