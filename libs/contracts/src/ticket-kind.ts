/**
 * The plan's triggers that make a single post a crisis-team matter: harm, a data leak, the press,
 * a regulator or a lawyer, a group. Every other single-post ticket (pushed through a form, a repeat
 * complaint, a manager asked for, money above the front line's limit, a vulnerable person, a
 * medical appointment) is a service ticket: one customer's complaint for the front line, with its
 * SLA, which each such customer should get; it is workload, not an alarm. The ≤ 1 ticket per brand
 * per quiet day target of #14 is about alarms, so the eval counts them apart and the board shows
 * them apart (one rule for both: `ticketKind`).
 */
export const CRISIS_TRIGGERS: ReadonlySet<string> = new Set(['safety-or-data-leak', 'media-attention', 'regulator-or-legal', 'possible-group-complaint', 'group-complaint-in-public', 'fast-spread']);

/** The key prefix of a single post's risk flag (`mention:<id>`); clusters and bursts have others. */
export const SINGLE_POST_KEY_PREFIX = 'mention:';

export const TICKET_KINDS = ['crisis', 'service'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/**
 * A ticket is the crisis team's unless one complaint opened it for service reasons only: opened on
 * a single post's key (`incidentKey`, the opening signal's key) with no crisis trigger.
 */
export const ticketKind = (t: { incidentKey: string; triggers: readonly string[] }): TicketKind =>
  t.incidentKey.startsWith(SINGLE_POST_KEY_PREFIX) && !t.triggers.some((x) => CRISIS_TRIGGERS.has(x)) ? 'service' : 'crisis';
