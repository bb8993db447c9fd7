import { mentionId, type EnrichedMention, type RootCauseKind, type SeverityLevel, type Ticket, type TicketEvent } from '@vigil/contracts';
import { emptyAnalytics, recordAnalytics, slaDeadlines, type Plan } from '@vigil/plan';
import type { SearchClient } from '@vigil/search';
import { ticketFactory } from './ticket-factory';

/**
 * A week of tickets and posts for the analytics page and the reports, written as the responder
 * and the indexer store them. Each ticket's figures come from its times through the responder's
 * own `recordAnalytics` (the path that fills in a ticket on its next write), so they agree with
 * its timeline the way a live ticket's do.
 */

const MIN = 60_000;

export interface TicketStory {
  id: string;
  title: string;
  level: SeverityLevel;
  openedAt: number;
  /** Minutes after opening. */
  ack?: number;
  response?: number;
  resolved?: number;
  closed?: number;
  csat?: number;
  categories: string[];
  channels: string[];
  places?: string[];
  watchIds?: string[];
  repeatOf?: string;
  reopened?: boolean;
  /** Ladder steps fired (a milestone late). */
  ladder?: number;
  lessons?: string;
  /** The review's root cause (its words). */
  rootCause?: string;
  /** The kind chosen when resolving (the resolve action); `process` unless said. */
  cause?: RootCauseKind;
}

export function storyTicket(plan: Plan, s: TicketStory): { ticket: Ticket; events: TicketEvent[] } {
  const at = (m?: number) => (m === undefined ? undefined : new Date(s.openedAt + m * MIN).toISOString());
  const state: Ticket['state'] = s.closed !== undefined ? 'closed' : s.resolved !== undefined ? 'resolved' : s.response !== undefined ? 'responding' : s.ack !== undefined ? 'acknowledged' : 'open';
  const base = ticketFactory({
    id: s.id,
    incidentKey: `story:${s.id}`,
    title: s.title,
    level: s.level,
    peakLevel: s.level,
    state,
    openedAt: at(0)!,
    slaStartedAt: at(0)!,
    updatedAt: at(s.closed ?? s.resolved ?? s.response ?? s.ack ?? 0)!,
    acknowledgedAt: at(s.ack),
    firstResponseAt: at(s.response),
    resolvedAt: at(s.resolved),
    closedAt: at(s.closed),
    reopenCount: s.reopened ? 1 : 0,
    escalations: Array.from({ length: s.ladder ?? 0 }, (_, i) => ({ stepId: `step-${i}`, cycle: 0, at: at(30 + i * 30)!, notified: ['cs_lead'] })),
    satisfaction: s.csat ? { score: s.csat, by: 'agent', at: at((s.resolved ?? 0) + 10)! } : undefined,
    resolution: s.resolved !== undefined ? { rootCause: s.cause ?? 'process', note: '已处理', by: 'agent-li', at: at(s.resolved)! } : undefined,
    review: s.closed !== undefined ? { rootCause: s.rootCause ?? '配送站人手不足', category: s.categories[0] ?? 'other', actionsTaken: ['补发', '致歉'], lessons: s.lessons } : undefined,
    assignees: s.ack !== undefined ? [{ actor: 'agent-li', role: 'cs_lead', at: at(s.ack)! }] : [],
    analytics: { ...emptyAnalytics(), categories: s.categories, channels: s.channels, places: s.places ?? [], watchIds: s.watchIds ?? [], ...(s.repeatOf ? { repeatOf: s.repeatOf, repeat: true } : {}) },
  });
  const withDeadlines = { ...base, slaDeadlines: slaDeadlines(plan, base) };
  const ticket = recordAnalytics(plan, undefined, withDeadlines);
  const events: TicketEvent[] = [];
  const ev = (type: TicketEvent['type'], m: number | undefined, extra: Partial<TicketEvent> = {}) => {
    if (m === undefined) return;
    events.push({ eventId: `${s.id}:${events.length + 1}`, ticketId: s.id, seq: events.length + 1, type, actor: type === 'opened' ? 'system:detector' : 'agent-li', at: at(m)!, ...extra });
  };
  ev('opened', 0, { after: { level: s.level } });
  ev('acknowledged', s.ack, { after: { state: 'acknowledged' } });
  ev('response_recorded', s.response, { after: { channel: 'weibo' } });
  for (const e of ticket.escalations) events.push({ eventId: `${s.id}:${events.length + 1}`, ticketId: s.id, seq: events.length + 1, type: 'escalation_fired', actor: 'system:clock', at: e.at, after: { stepId: e.stepId } });
  if (ticket.analytics?.sla.acknowledge === 'breached') ev('sla_breached', (s.ack ?? 0) - 1, { note: 'acknowledge deadline passed', after: { slaNotice: 'sla_breached:acknowledge@0' } });
  ev('resolved', s.resolved, { after: { state: 'resolved', rootCause: s.cause ?? 'process' }, note: '已处理' });
  ev('closed', s.closed, { after: { state: 'closed' } });
  return { ticket, events };
}

export async function seedStories(search: SearchClient, plan: Plan, stories: TicketStory[]): Promise<Ticket[]> {
  await search.ensureIndices();
  const made = stories.map((s) => storyTicket(plan, s));
  const operations = made.flatMap(({ ticket, events }) => [
    { index: { _index: search.names.tickets, _id: ticket.id } },
    ticket,
    ...events.flatMap((e) => [{ index: { _index: search.names.ticketEvents, _id: e.eventId } }, e]),
  ]);
  const r = await search.es.bulk({ operations, refresh: 'wait_for' });
  if (r.errors) throw new Error(JSON.stringify(r.items.find((i) => i.index?.error)));
  return made.map((m) => m.ticket);
}

const ZH_POSTS: [string, string[], string[]][] = [
  ['鲜达外卖又送晚了两个小时，饭都凉了', ['送晚', '凉了', '两个小时'], ['深圳']],
  ['退款申请被拒绝，客服一直不回复', ['退款', '拒绝', '客服', '不回复'], ['广州']],
  ['骑手态度很差，还把汤洒了', ['骑手', '态度', '洒了'], ['上海']],
  ['少送了一份菜，联系商家没人理', ['少送', '商家', '没人理'], ['杭州']],
  ['优惠券用不了，结算一直报错', ['优惠券', '报错', '结算'], ['北京']],
  ['配送超时还扣了配送费，太坑了', ['超时', '配送费', '坑'], ['深圳']],
];
const EN_POSTS: [string, string[], string[]][] = [
  ['FreshDash order arrived cold and two hours late', ['order', 'cold', 'late'], ['Seattle']],
  ['Refund still not processed after a week, support ignores me', ['refund', 'support', 'ignores'], ['London']],
  ['Driver was rude and the bag was torn', ['driver', 'rude', 'torn'], ['Austin']],
];

/** Posts spread over `days` days before `end`: mostly negative complaints, some praise, a competitor. */
export function storyMentions(end: number, days: number, perDay: number): EnrichedMention[] {
  const out: EnrichedMention[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay + (d % 3); i++) {
      const n = d * 100 + i;
      const at = new Date(end - (d + 1) * 86_400_000 + (i + 1) * 37 * MIN).toISOString();
      const rival = n % 7 === 0;
      const praise = n % 5 === 0;
      const en = n % 4 === 0;
      const [text, tokens, places] = (en ? EN_POSTS : ZH_POSTS)[n % (en ? EN_POSTS.length : ZH_POSTS.length)];
      const brandWord = en ? 'freshdash' : '鲜达';
      out.push({
        id: mentionId('seed', `m-${n}`),
        sourceId: 'seed',
        sourceType: 'rss',
        channel: (['social', 'review', 'forum', 'appstore'] as const)[n % 4],
        externalId: `m-${n}`,
        text: praise ? (en ? 'FreshDash was quick today, thanks' : '鲜达今天送得很快，点赞') : text,
        truncated: false,
        publishedAt: at,
        fetchedAt: at,
        processedAt: at,
        author: { id: `a${n % 23}`, name: `user${n % 23}`, followers: (n % 23) * 137 },
        reach: (n % 23) * 137,
        watches: [{ id: rival ? 'rival' : 'freshdash', rule: rival ? 'Rival' : 'FreshDash', competitor: rival }],
        analysis: {
          language: en ? 'en' : 'zh',
          tokens: praise ? [brandWord, en ? 'quick' : '很快'] : [brandWord, ...tokens],
          sentiment: praise ? { score: 0.7, label: 'positive', confidence: 0.9 } : { score: -0.7, label: 'negative', confidence: 0.9 },
          emotion: { level: praise ? 'calm' : 'angry', intensity: praise ? 0.1 : 0.7 },
          categories: [{ id: praise ? 'praise' : ['delivery', 'refund', 'service'][n % 3]!, confidence: 0.8 }],
          entities: { orderIds: [], money: [], places: praise ? [] : places.map((name) => ({ name, kind: 'city' as const })), products: [], piiKinds: [] },
          riskCues: [],
          riskScore: praise ? 5 : 40,
          riskReasons: [],
          emojis: [],
          truncated: false,
        },
      });
    }
  }
  return out;
}

export async function seedStoryMentions(search: SearchClient, mentions: EnrichedMention[]): Promise<void> {
  await search.ensureIndices();
  const operations = mentions.flatMap((m) => [{ index: { _index: search.names.mentionsFor(m.publishedAt), _id: m.id } }, m]);
  const r = await search.es.bulk({ operations, refresh: 'wait_for' });
  if (r.errors) throw new Error(JSON.stringify(r.items.find((i) => i.index?.error)));
  await search.es.indices.refresh({ index: search.names.mentions });
}

/** Twelve tickets over the week before `end` (and four the week before that, for the comparison). */
export function weekOfStories(end: number): TicketStory[] {
  const day = (d: number, h: number) => end - (7 - d) * 86_400_000 + h * 3_600_000;
  const w = ['freshdash'];
  return [
    { id: 'CR-2026-000101', title: '深圳南山区多个小区外卖集中超时', level: 'urgent', openedAt: day(0, 10), ack: 6, response: 25, resolved: 300, closed: 400, csat: 4, categories: ['delivery'], channels: ['social', 'review'], places: ['深圳'], watchIds: w, lessons: '午高峰运力预案需要提前到 11 点启动' },
    { id: 'CR-2026-000102', title: '退款到账延迟投诉', level: 'important', openedAt: day(0, 15), ack: 12, response: 40, resolved: 600, closed: 700, csat: 5, categories: ['refund'], channels: ['review'], places: ['广州'], watchIds: w, lessons: '退款接口超时需要告警' },
    { id: 'CR-2026-000103', title: 'Late deliveries in Seattle', level: 'important', openedAt: day(1, 9), ack: 45, response: 70, resolved: 900, csat: 2, categories: ['delivery'], channels: ['social'], places: ['Seattle'], watchIds: w, ladder: 1 },
    { id: 'CR-2026-000104', title: '骑手态度恶劣被投诉至媒体', level: 'major', openedAt: day(1, 20), ack: 5, response: 20, resolved: 200, closed: 260, csat: 3, categories: ['service'], channels: ['news', 'social'], places: ['上海'], watchIds: w, lessons: '媒体问询统一由公关回复' },
    { id: 'CR-2026-000105', title: '优惠券无法使用', level: 'important', openedAt: day(2, 11), ack: 20, response: 50, resolved: 120, closed: 180, csat: 5, categories: ['app'], channels: ['appstore'], places: ['北京'], watchIds: w },
    { id: 'CR-2026-000106', title: '少送菜品商家不理', level: 'important', openedAt: day(3, 12), ack: 15, response: 35, resolved: 500, csat: 4, categories: ['delivery'], channels: ['review'], places: ['杭州'], watchIds: w, reopened: true },
    { id: 'CR-2026-000107', title: '退款到账延迟（再次投诉）', level: 'important', openedAt: day(4, 9), ack: 8, response: 30, resolved: 240, categories: ['refund'], channels: ['review'], places: ['广州'], watchIds: w, repeatOf: 'CR-2026-000102' },
    { id: 'CR-2026-000108', title: 'Refund not processed after a week', level: 'urgent', openedAt: day(4, 16), ack: 9, response: 90, categories: ['refund'], channels: ['email'], places: ['London'], watchIds: w, ladder: 1 },
    { id: 'CR-2026-000109', title: '配送费多扣', level: 'important', openedAt: day(5, 10), ack: 25, categories: ['refund'], channels: ['social'], places: ['深圳'], watchIds: w },
    { id: 'CR-2026-000110', title: '汤洒了要求赔偿', level: 'important', openedAt: day(5, 19), ack: 35, categories: ['delivery'], channels: ['app'], places: ['深圳'], watchIds: w, ladder: 1 },
    { id: 'CR-2026-000111', title: '老人订餐未送达', level: 'urgent', openedAt: day(6, 8), categories: ['delivery'], channels: ['hotline'], places: ['广州'], watchIds: w },
    { id: 'CR-2026-000112', title: 'App crashes at checkout', level: 'important', openedAt: day(6, 14), ack: 10, response: 30, categories: ['app'], channels: ['appstore'], watchIds: w },
    // The week before.
    { id: 'CR-2026-000090', title: '上周：配送延误', level: 'important', openedAt: day(-6, 10), ack: 10, response: 30, resolved: 200, closed: 300, csat: 4, categories: ['delivery'], channels: ['social'], places: ['深圳'], watchIds: w },
    { id: 'CR-2026-000091', title: '上周：退款问题', level: 'important', openedAt: day(-5, 10), ack: 20, response: 60, resolved: 400, closed: 500, csat: 3, categories: ['refund'], channels: ['review'], watchIds: w },
    { id: 'CR-2026-000092', title: '上周：客服态度', level: 'urgent', openedAt: day(-3, 10), ack: 8, response: 45, resolved: 300, closed: 350, csat: 5, categories: ['service'], channels: ['social'], watchIds: w },
    { id: 'CR-2026-000093', title: '上周：App 闪退', level: 'important', openedAt: day(-2, 10), ack: 40, response: 80, resolved: 700, categories: ['app'], channels: ['appstore'], watchIds: w, ladder: 1 },
  ];
}
