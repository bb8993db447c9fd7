import { IMPLICIT_WATCH_ID, type IncidentOutcome, type Ticket } from '@vigil/contracts';

/**
 * The message a write owes the detector (`incidents.outcomes`, issue #14): one when the write set
 * or changed the ticket's outcome, none otherwise. Its window runs from the incident's start as the
 * detector saw it (`incidentStartedAt`, else the opening) to the resolution (else the judgement's
 * time); its watches are the ticket's (`_all` for a ticket without watch configuration).
 */
export function incidentOutcomeOf(before: Ticket | undefined, after: Ticket): IncidentOutcome | undefined {
  const o = after.outcome;
  if (!o) return undefined;
  if (before?.outcome && before.outcome.value === o.value && before.outcome.at === o.at) return undefined;
  const watchIds = after.analytics?.watchIds.length ? after.analytics.watchIds : [IMPLICIT_WATCH_ID];
  const from = after.incidentStartedAt ?? after.openedAt;
  const end = after.resolvedAt ?? o.at;
  return {
    ticketId: after.id,
    outcome: o.value,
    watchIds,
    from,
    to: Date.parse(end) < Date.parse(from) ? from : end,
    by: o.by,
    at: o.at,
    seq: after.seq,
  };
}
