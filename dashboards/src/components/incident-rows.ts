import type { Alert, SeverityLevel } from '@vigil/contracts';

/** One row per incident (ticket) on the live page, built from its alerts. */
export interface IncidentRow {
  ticketId: string;
  /** The newest alert: its level is the incident's level now, its title the incident's title. */
  latest: Alert;
  /** What put the incident on the screen: its opening or reopening, when still in the list. */
  opening?: Alert;
  level: SeverityLevel;
  /** Posts added to the incident's largest size since it opened (or since the oldest alert kept). */
  addedPosts: number;
  /** Raised since it opened: the level it was opened at. */
  raisedFrom?: SeverityLevel;
  escalated: boolean;
  cooling: boolean;
  alerts: number;
}

const OPENINGS = new Set<Alert['type']>(['new_ticket', 'reopened']);

/**
 * Folds alerts (newest first) into one row per ticket, newest incident first: an opening and
 * what followed it — more posts, a higher level, cooling — read as one incident, "+12 posts, now
 * urgent", not as a row per signal.
 */
export function incidentRows(alerts: readonly Alert[]): IncidentRow[] {
  const byTicket = new Map<string, Alert[]>();
  for (const a of alerts) {
    const list = byTicket.get(a.ticketId);
    if (list) list.push(a);
    else byTicket.set(a.ticketId, [a]);
  }
  const rows: IncidentRow[] = [];
  for (const [ticketId, list] of byTicket) {
    const latest = list[0]!;
    const openingIdx = list.findIndex((a) => OPENINGS.has(a.type));
    const opening = openingIdx >= 0 ? list[openingIdx] : undefined;
    // Only what happened since the latest opening belongs to this round of the incident.
    const since = openingIdx >= 0 ? list.slice(0, openingIdx + 1) : list;
    const oldest = since[since.length - 1]!;
    const postsNow = latest.evidence?.posts ?? 0;
    const postsThen = oldest.evidence ? oldest.evidence.posts : postsNow;
    const raised = since.filter((a) => a.type === 'level_raised');
    rows.push({
      ticketId,
      latest,
      ...(opening ? { opening } : {}),
      level: latest.level,
      addedPosts: Math.max(0, postsNow - postsThen),
      ...(raised.length ? { raisedFrom: raised[raised.length - 1]!.previousLevel ?? opening?.level } : {}),
      escalated: since.some((a) => a.escalated || a.type === 'escalated'),
      cooling: latest.type === 'cooling',
      alerts: since.length,
    });
  }
  return rows;
}
