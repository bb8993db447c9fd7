import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { CRISIS_TRIGGERS, SINGLE_POST_KEY_PREFIX, Ticket, TicketDoc, type ContactField, type TicketKind, type SealedBox, type SeverityLevel, type TicketState } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING, totalOf } from './stored-index';

const date = { type: 'date' } as const;
const keyword = { type: 'keyword' } as const;

/**
 * Crisis tickets (writer: responder, the only one; read by the api, the cli's replay report
 * and the tests). One document per ticket, `_id` = ticket id (`CR-2026-000001`): the
 * `Ticket` contract plus the outbox of its last change (`TicketDoc`), which readers drop.
 */
export const ticketsIndex = singleIndex({
  document: 'tickets',
  suffix: 'tickets',
  writer: 'responder',
  schema: TicketDoc,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      incidentKey: keyword,
      clusterId: keyword,
      title: { type: 'text', fields: { raw: { type: 'keyword', ignore_above: 512 } } },
      level: keyword,
      peakLevel: keyword,
      state: keyword,
      openedAt: date,
      slaStartedAt: date,
      acknowledgedAt: date,
      firstResponseAt: date,
      resolvedAt: date,
      closedAt: date,
      updatedAt: date,
      lastSignalAt: date,
      slaDeadlines: { properties: { acknowledge: date, firstResponse: date, resolve: date } },
      triggers: keyword,
      assignees: { properties: { actor: keyword, role: keyword, at: date } },
      evidence: { properties: { signalIds: keyword, mentionIds: keyword, signalCount: { type: 'integer' }, maxSize: { type: 'integer' } } },
      mergedInto: keyword,
      mergedFrom: keyword,
      reopenCount: { type: 'integer' },
      commentCount: { type: 'integer' },
      seq: { type: 'long' },
      outboxPending: { type: 'boolean' },
      notificationsPending: { type: 'boolean' },
      notifications: { type: 'object', enabled: false },
      outbox: { type: 'object', enabled: false },
      complaint: {
        properties: {
          mentionId: keyword,
          reference: keyword,
          channel: keyword,
          receivedAt: date,
          complainant: { properties: { matchKeys: keyword, authorId: keyword, contactFields: keyword, contact: { type: 'object', enabled: false } } },
          target: { properties: { products: keyword, stores: keyword, orders: keyword } },
          demands: { properties: { kind: keyword, source: keyword } },
          history: { properties: { repeatCount: { type: 'integer' } } },
        },
      },
      satisfaction: { properties: { score: { type: 'integer' }, at: date } },
      promise: { properties: { dueAt: date, at: date, by: keyword, metAt: date, missedAt: date } },
      followUp: { properties: { cycle: { type: 'integer' }, dueAt: date, assignee: keyword, overdueAt: date, doneAt: date, doneBy: keyword, outcome: keyword, score: { type: 'integer' } } },
      review: { properties: { category: keyword } },
      // The kind chosen from the controlled list when resolving (RootCauseKind), for the root-cause
      // figure and filter. The review's own rootCause is free text and stays unindexed: words vary
      // too much to count ("接口超时" / "退款接口超时了"), so it is read, not aggregated.
      resolution: { properties: { rootCause: keyword, at: date } },
      // The team's judgement (issue #14): the alert-precision figure counts its value.
      outcome: { properties: { value: keyword, by: keyword, at: date } },
      incidentStartedAt: date,
      // What analytics aggregates (ticket-analytics.schema.ts): keywords, numbers and dates only.
      analytics: {
        properties: {
          watchIds: keyword,
          categories: keyword,
          channels: keyword,
          places: keyword,
          teams: keyword,
          repeatOf: keyword,
          repeat: { type: 'boolean' },
          firstAcknowledgedAt: date,
          firstRespondedAt: date,
          firstResolvedAt: date,
          ackMinutes: { type: 'double' },
          firstResponseMinutes: { type: 'double' },
          handlingMinutes: { type: 'double' },
          sla: { properties: { acknowledge: keyword, firstResponse: keyword, resolve: keyword } },
          escalations: { type: 'integer' },
          ladderEscalations: { type: 'integer' },
          fcr: { type: 'boolean' },
        },
      },
    },
  },
});

/** The sealed contact stays in the store: readers hand tickets out without it (see `sealedContact`). */
const HIDDEN = ['outbox', 'notificationsPending', 'complaint.complainant.contact'];

const FOLLOW_UP_PENDING = [{ term: { state: 'resolved' } }, { exists: { field: 'followUp.dueAt' } }];

/** States whose SLA clocks run and that count as "the open ticket" of an incident. */
export const ACTIVE_STATES: readonly TicketState[] = ['open', 'acknowledged', 'investigating', 'responding'];

export interface TicketListQuery {
  /** Empty: every state. */
  state: TicketState[];
  level: SeverityLevel[];
  /** Watch ids: a ticket whose signals came from any of them (`analytics.watchIds`). Empty or absent: every watch. */
  watch?: string[];
  /** `ticketKind` of @vigil/contracts; absent: both kinds. */
  kind?: TicketKind;
  size: number;
}

/**
 * `ticketKind` as a query: service = opened on a single post's key with no crisis trigger;
 * crisis = everything else. The tickets api test checks each ticket found against `ticketKind`.
 */
function kindQuery(kind: TicketKind): estypes.QueryDslQueryContainer {
  const service: estypes.QueryDslQueryContainer = {
    bool: { filter: [{ prefix: { incidentKey: SINGLE_POST_KEY_PREFIX } }], must_not: [{ terms: { triggers: [...CRISIS_TRIGGERS] } }] },
  };
  return kind === 'service' ? service : { bool: { must_not: [service] } };
}

/**
 * Read-only access to tickets. Reads by id are realtime; searches see writes after the
 * 1 s refresh. Before the responder has run, lists are empty.
 */
@Injectable()
export class TicketsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return ticketsIndex.name(this.search.options.indexPrefix);
  }

  async find(id: string): Promise<Ticket | undefined> {
    try {
      const r = await this.search.es.get<TicketDoc>({ index: this.index, id, _source_excludes: HIDDEN });
      return r._source ? Ticket.parse(r._source) : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The sealed contact of a ticket's complainant (the api opens it for allowed roles only). */
  async sealedContact(id: string): Promise<{ mentionId: string; box: SealedBox; fields: ContactField[] } | undefined> {
    try {
      const r = await this.search.es.get<TicketDoc>({ index: this.index, id, _source_includes: ['complaint.mentionId', 'complaint.complainant'] });
      const c = r._source?.complaint;
      return c?.complainant.contact ? { mentionId: c.mentionId, box: c.complainant.contact, fields: c.complainant.contactFields } : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The ticket opened for a complaint (its mention), else the incident ticket holding the post as evidence. */
  async findByComplaint(mentionId: string): Promise<Ticket | undefined> {
    for (const field of ['complaint.mentionId', 'evidence.mentionIds']) {
      const r = await this.search.es.search<TicketDoc>({
        ...TOLERATE_MISSING,
        index: this.index,
        size: 1,
        _source_excludes: HIDDEN,
        query: { term: { [field]: mentionId } },
        sort: [{ openedAt: { order: 'desc', unmapped_type: 'date' } }],
      });
      const h = r.hits.hits[0];
      if (h) return Ticket.parse(h._source);
    }
    return undefined;
  }

  /** Earlier complaint tickets of the same person (match keys) or naming the same orders, newest first. */
  async earlierComplaints(q: { matchKeys: string[]; orders: string[]; excludeMentionId: string; size: number }): Promise<Array<{ ticket: Ticket; matchedBy: 'person' | 'order' }>> {
    const should: estypes.QueryDslQueryContainer[] = [];
    if (q.matchKeys.length) should.push({ terms: { 'complaint.complainant.matchKeys': q.matchKeys } });
    if (q.orders.length) should.push({ terms: { 'complaint.target.orders': q.orders } });
    if (!should.length) return [];
    const r = await this.search.es.search<TicketDoc>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: q.size,
      _source_excludes: HIDDEN,
      query: { bool: { should, minimum_should_match: 1, must_not: [{ term: { 'complaint.mentionId': q.excludeMentionId } }] } },
      sort: [{ openedAt: { order: 'desc', unmapped_type: 'date' } }],
    });
    const keys = new Set(q.matchKeys);
    return r.hits.hits.map((h) => {
      const ticket = Ticket.parse(h._source);
      const person = ticket.complaint?.complainant.matchKeys.some((k) => keys.has(k)) ?? false;
      return { ticket, matchedBy: person ? 'person' : 'order' };
    });
  }

  /** Newest opened first, filtered by state, level and watch. */
  async list(q: TicketListQuery): Promise<{ total: number; tickets: Ticket[] }> {
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (q.state.length) filter.push({ terms: { state: q.state } });
    if (q.level.length) filter.push({ terms: { level: q.level } });
    if (q.watch?.length) filter.push({ terms: { 'analytics.watchIds': q.watch } });
    if (q.kind) filter.push(kindQuery(q.kind));
    const res = await this.search.es.search<TicketDoc>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: q.size,
      track_total_hits: true,
      _source_excludes: HIDDEN,
      query: { bool: { filter } },
      sort: [{ openedAt: { order: 'desc', unmapped_type: 'date' } }],
    });
    return { total: totalOf(res.hits.total), tickets: res.hits.hits.map((h) => Ticket.parse(h._source)) };
  }

  /** Active tickets (open … responding), most recently opened first. */
  async listOpen(opts: { size?: number; from?: number } = {}): Promise<Ticket[]> {
    const r = await this.search.es.search<TicketDoc>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: opts.size ?? 1000,
      from: opts.from ?? 0,
      _source_excludes: HIDDEN,
      query: { terms: { state: [...ACTIVE_STATES] } },
      sort: [{ openedAt: 'desc' }, { id: 'asc' }],
    });
    return r.hits.hits.map((h) => Ticket.parse(h._source));
  }

  /**
   * Resolved tickets whose follow-up (回访) is not recorded yet, soonest due first; `assignee`: only
   * that person's. The dashboard's follow-up queue.
   */
  async listFollowUps(q: { assignee?: string; size: number }): Promise<{ total: number; tickets: Ticket[] }> {
    const r = await this.search.es.search<TicketDoc>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: q.size,
      track_total_hits: true,
      _source_excludes: HIDDEN,
      query: { bool: { filter: [...FOLLOW_UP_PENDING, ...(q.assignee ? [{ term: { 'followUp.assignee': q.assignee } }] : [])], must_not: [{ exists: { field: 'followUp.doneAt' } }] } },
      sort: [{ 'followUp.dueAt': { order: 'asc', unmapped_type: 'date' } }, { id: 'asc' }],
    });
    return { total: totalOf(r.hits.total), tickets: r.hits.hits.map((h) => Ticket.parse(h._source)) };
  }

  /** Resolved tickets whose follow-up is neither recorded nor announced overdue: the follow-up clock's work. */
  eachFollowUpWatched(pageSize = 500): AsyncGenerator<Ticket> {
    return this.eachPage({ bool: { filter: FOLLOW_UP_PENDING, must_not: [{ exists: { field: 'followUp.doneAt' } }, { exists: { field: 'followUp.overdueAt' } }] } }, pageSize);
  }

  /** Every active ticket, a page at a time (search_after), however many there are. */
  eachOpen(pageSize = 500): AsyncGenerator<Ticket> {
    return this.eachPage({ terms: { state: [...ACTIVE_STATES] } }, pageSize);
  }

  /** The tickets a query matches, oldest first, a page at a time (search_after), however many there are. */
  private async *eachPage(query: estypes.QueryDslQueryContainer, pageSize: number): AsyncGenerator<Ticket> {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const r = await this.search.es.search<TicketDoc>({
        ...TOLERATE_MISSING,
        index: this.index,
        size: pageSize,
        _source_excludes: HIDDEN,
        query,
        sort: [{ openedAt: 'asc' }, { id: 'asc' }],
        ...(after && { search_after: after }),
      });
      for (const h of r.hits.hits) yield Ticket.parse(h._source);
      if (r.hits.hits.length < pageSize) return;
      after = r.hits.hits.at(-1)!.sort;
    }
  }
}
