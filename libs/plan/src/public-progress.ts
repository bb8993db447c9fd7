import { complaintReference, type ProgressView, type PublicStatus, type Ticket } from '@vigil/contracts';

/**
 * What a complainant may see of their case: a coarse status, the last update written for them and
 * the time they were promised. Nothing internal (no ticket id, level, notes, people, other
 * complainants): an incident ticket that holds their post shows its status only.
 */
export function publicProgress(mentionId: string, ticket: Ticket | undefined, now: Date): ProgressView {
  const reference = complaintReference(mentionId);
  if (!ticket) return { reference, status: 'received' };
  const own = ticket.complaint?.mentionId === mentionId;
  const last = own ? ticket.publicUpdates.at(-1) : undefined;
  // The ticket's open promise (made with a remedy or on its own) before one written in an update.
  const openPromise = ticket.promise && !ticket.promise.metAt ? ticket.promise.dueAt : undefined;
  const promise = own ? (openPromise ?? [...ticket.publicUpdates].reverse().find((u) => u.promisedBy)?.promisedBy) : undefined;
  const open = !['resolved', 'closed'].includes(ticket.state);
  return {
    reference,
    status: publicStatus(ticket),
    ...(own && { receivedAt: ticket.complaint!.receivedAt }),
    ...(last && { lastUpdate: { text: last.text, at: last.at } }),
    // A promise matters while the case is open and the time is still ahead.
    ...(promise && open && Date.parse(promise) > now.getTime() && { promisedBy: promise }),
    ...(own && { updatedAt: last?.at ?? ticket.openedAt }),
  };
}

export function publicStatus(t: Ticket): PublicStatus {
  switch (t.state) {
    case 'open':
      return 'received';
    case 'acknowledged':
    case 'investigating':
    case 'responding':
      return t.pausedIntervals.some((p) => p.to === undefined) ? 'waiting_for_you' : 'in_progress';
    case 'resolved':
      return 'resolved';
    case 'closed':
    case 'merged':
      return 'closed';
  }
}

/** A progress link stops working this long after its case closed (or, without a case, after it came in). */
export function progressExpired(ticket: Ticket | undefined, receivedAt: string | undefined, linkDays: number, now: Date): boolean {
  const end = ticket?.closedAt ?? (ticket ? undefined : receivedAt);
  return end !== undefined && now.getTime() - Date.parse(end) > linkDays * 86_400_000;
}
