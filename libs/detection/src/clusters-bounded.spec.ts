import { ClusterDoc, Signal, type EnrichedMention } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createDetector, type DetectorOutput } from './detector';
import { makeMention } from '../../../test/support/mention-factory';

const H = 3_600_000;
const T0 = Date.parse('2026-03-02T02:00:00Z');
const OUTAGE = ['FreshDash app login broken after the update, cannot see my orders', 'cannot log in to the FreshDash app since the update, orders gone', 'app login broken since update, my orders do not show', 'login fails after the app update and my orders are missing'];
const outage = (prefix: string, from: number, n: number, extra: Partial<Parameters<typeof makeMention>[0]> = {}) =>
  Array.from({ length: n }, (_, i) => makeMention({ ext: `${prefix}-${i}`, text: OUTAGE[i % OUTAGE.length]!, at: from + i * 5 * 60_000, author: `${prefix}-u${i}`, watches: [{ id: 'fd', rule: 'FreshDash OR 鲜达外卖', competitor: false }], ...extra }));

function run(ms: EnrichedMention[], until?: number) {
  const d = createDetector();
  const outs: DetectorOutput[] = ms.map((m) => d.process(m));
  if (until) outs.push(d.advanceTo(until));
  const signals = outs.flatMap((o) => o.signals);
  const docs = outs.flatMap((o) => o.clusterUpdates);
  for (const s of signals) Signal.parse(s);
  for (const c of docs) ClusterDoc.parse(c);
  return { d, signals, docs };
}

describe('clusters are bounded in time and meaning', () => {
  it('a cluster closes once it goes quiet, and a later flare is a new cluster linked to it', () => {
    const first = outage('a', T0, 6);
    const flare = outage('b', T0 + 20 * H, 6);
    const { signals, docs } = run([...first, ...flare], T0 + 40 * H);
    const news = signals.filter((s) => s.kind === 'cluster_new');
    expect(news).toHaveLength(2);
    const [old, again] = news as [Signal, Signal];
    expect(again.clusterId).not.toBe(old.clusterId);
    expect(again.previousClusterId).toBe(old.clusterId);
    const closed = docs.filter((c) => c.status === 'closed').map((c) => c.id);
    expect(closed).toEqual(expect.arrayContaining([old.clusterId, again.clusterId]));
    const oldDoc = docs.filter((c) => c.id === old.clusterId).at(-1)!;
    expect(oldDoc.status).toBe('closed');
    expect(Date.parse(oldDoc.closedAt!)).toBe(T0 + 25 * 60_000);
    expect(docs.find((c) => c.id === again.clusterId)!.previousClusterId).toBe(old.clusterId);
  });

  it('an unrelated issue later in the same watch is not linked as a flare', () => {
    const refund = Array.from({ length: 6 }, (_, i) => makeMention({ ext: `r-${i}`, text: ['refund still not received after three weeks', 'three weeks and my refund has not arrived', 'no refund after three weeks of waiting'][i % 3]!, at: T0 + 20 * H + i * 5 * 60_000, author: `r${i}`, watches: 'fd' }));
    const { signals } = run([...outage('a', T0, 6), ...refund], T0 + 40 * H);
    const refundNew = signals.find((s) => s.kind === 'cluster_new' && s.label.includes('refund'))!;
    expect(refundNew.previousClusterId).toBeUndefined();
  });

  it('the brand’s own name and link pieces never make key terms; the title is the most representative post, readable', () => {
    const ms = outage('a', T0, 8).map((m, i) => ({ ...m, text: `${m.text} https://t.co/x${i}Ab9Qz2 @FreshDashHelp`, analysis: { ...m.analysis, tokens: [...m.analysis.tokens, 'https', 't.co', `x${i}ab9qz2`] } }));
    const { signals } = run(ms);
    const s = signals.find((x) => x.kind === 'cluster_new')!;
    for (const t of ['freshdash', 'https', 't.co']) expect(s.terms).not.toContain(t);
    expect(s.terms!.some((t) => /\d/.test(t) && /[a-z]/.test(t) && t.length >= 8)).toBe(false);
    expect(s.label).not.toMatch(/https|t\.co|@FreshDashHelp/);
    expect(OUTAGE.some((o) => s.label.startsWith(o.slice(0, 20)))).toBe(true);
  });

  it('Chinese brand words cut by the segmenter (鲜达 of 鲜达外卖) stay out of the key terms too', () => {
    const texts = ['鲜达外卖 订单 没送 退款 不退', '鲜达外卖 没送 到 退款 也 不退', '鲜达外卖 订单 没送到 申请 退款 不退'];
    const ms = Array.from({ length: 6 }, (_, i) =>
      makeMention({ ext: `zh-${i}`, text: texts[i % 3]!.replace(/ /g, ''), at: T0 + i * 60_000, author: `z${i}`, watches: [{ id: 'fd', rule: '鲜达外卖 OR FreshDash', competitor: false }] }),
    ).map((m, i) => ({ ...m, analysis: { ...m.analysis, tokens: texts[i % 3]!.replace('鲜达外卖', '鲜达 外卖').split(' ') } }));
    const s = run(ms).signals.find((x) => x.kind === 'cluster_new')!;
    expect(s.terms).not.toContain('鲜达');
    expect(s.terms).not.toContain('外卖');
    expect(s.terms).toContain('退款');
  });
});
