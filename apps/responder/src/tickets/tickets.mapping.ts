import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition, IndexNames } from '@vigil/search';

/**
 * The responder's indices (all single concrete indices under VIGIL_INDEX_PREFIX):
 *
 * - `<prefix>tickets`: one document per ticket, `_id` = ticket id (`CR-2026-000001`), the
 *   `Ticket` contract plus `outbox`/`outboxPending` (events and alerts of the last change
 *   not yet confirmed published; see TicketOutbox). Readers parse `_source` with `Ticket`.
 * - `<prefix>ticket-events`: the audit trail, one document per `TicketEvent`, `_id` = eventId
 *   (`CR-2026-000001:7`, rejections `CR-2026-000001:rejected:<requestId>`). Sort by `seq`.
 * - `<prefix>ticket-incidents`: one pointer per incident key (`_id` = sha256 of the key), the
 *   latest ticket opened on it; claimed with `op_type: create` / `if_seq_no` so only one
 *   ticket is ever open per key. Carries the opening itself so a crashed opener is finished
 *   by whoever reads the pointer next.
 * - `<prefix>ticket-sequences`: one counter per year (`_id` = year) behind the `CR-<year>-<seq6>` ids.
 */

const date = { type: 'date' } as const;
const keyword = { type: 'keyword' } as const;
const opaque = { type: 'object', enabled: false } as const;

export const ticketsMapping: estypes.MappingTypeMapping = {
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
    outbox: opaque,
  },
};

export const ticketEventsMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: {
    eventId: keyword,
    ticketId: keyword,
    seq: { type: 'long' },
    type: keyword,
    actor: keyword,
    at: date,
    requestId: keyword,
    note: { type: 'text' },
    before: opaque,
    after: opaque,
    error: { properties: { code: keyword, message: { type: 'text' } } },
  },
};

export const incidentsMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: { incidentKey: keyword, ticketId: keyword, cycle: { type: 'integer' }, claimedAt: date, opening: opaque },
};

export const sequencesMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: { year: { type: 'integer' }, value: { type: 'long' } },
};

export function responderIndexNames(names: IndexNames) {
  return {
    tickets: names.tickets,
    ticketEvents: names.ticketEvents,
    incidents: `${names.prefix}ticket-incidents`,
    sequences: `${names.prefix}ticket-sequences`,
  };
}

export function responderIndexDefinitions(names: IndexNames): IndexDefinition[] {
  const n = responderIndexNames(names);
  const single = (name: string, mappings: estypes.MappingTypeMapping): IndexDefinition => ({ name, pattern: name, mappings, createIndex: name });
  return [
    single(n.tickets, ticketsMapping),
    single(n.ticketEvents, ticketEventsMapping),
    single(n.incidents, incidentsMapping),
    single(n.sequences, sequencesMapping),
  ];
}
