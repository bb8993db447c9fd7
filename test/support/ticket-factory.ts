import type { Ticket } from '@vigil/contracts';
import type { SearchClient } from '@vigil/search';

/** A ticket document as the responder stores it; tests override what they care about. */
export function ticketFactory(over: Partial<Ticket> = {}): Ticket {
  const now = new Date();
  const at = now.toISOString();
  const inMin = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();
  return {
    id: 'CR-2026-000001',
    incidentKey: 'cluster-1',
    title: 'A crisis',
    level: 'urgent',
    peakLevel: 'urgent',
    state: 'open',
    openedAt: at,
    slaStartedAt: at,
    updatedAt: at,
    slaDeadlines: { acknowledge: inMin(15), firstResponse: inMin(60), resolve: inMin(24 * 60) },
    slaOverrides: {},
    pausedIntervals: [],
    escalations: [],
    slaNotices: [],
    triggers: ['negative_burst'],
    assignees: [],
    evidence: { signalIds: ['s1'], mentionIds: [], signalCount: 1, maxSize: 12 },
    remedies: [],
    publicUpdates: [],
    notifications: [],
    checklist: [
      { step: 'respond_soothe', titleZh: '响应安抚', titleEn: 'Respond and soothe', done: false },
      { step: 'record_facts', titleZh: '记录事实', titleEn: 'Record the facts', done: false },
      { step: 'investigate_cause', titleZh: '调查原因', titleEn: 'Investigate the cause', done: false },
      { step: 'propose_remedy', titleZh: '提出方案', titleEn: 'Propose a remedy', done: false },
      { step: 'execute_follow_up', titleZh: '执行跟进', titleEn: 'Execute and follow up', done: false },
      { step: 'review', titleZh: '复盘', titleEn: 'Review', done: false },
    ],
    holdingStatement: { zh: '我们已关注到相关反馈，正在紧急核实。', en: 'We are aware of the reports and are looking into them urgently.' },
    mergedFrom: [],
    reopenCount: 0,
    commentCount: 0,
    seq: 1,
    recentRequestIds: [],
    ...over,
  };
}

export async function seedTicket(search: SearchClient, over: Partial<Ticket> = {}): Promise<Ticket> {
  const t = ticketFactory(over);
  await search.es.index({ index: search.names.tickets, id: t.id, document: t, refresh: 'wait_for' });
  return t;
}
