import type { IncidentOutcome } from '@vigil/contracts';
import type { ConfirmedIncidentInput } from '@vigil/detection';

/**
 * The tickets' outcomes as the detector keeps them (issue #14): the latest message per ticket
 * (highest seq), turned into `confirmIncidents` inputs, one per watch of the ticket (id
 * `<ticketId>@<watchId>`, so a ticket about two brands confirms both). A ticket judged a real
 * incident confirms its window; a false alarm or `other` confirms nothing — the baselines stay as
 * they learnt — and only withdraws what an earlier `incident` of the same ticket confirmed (as an
 * empty window: `ConfirmedIncidents` replaces by id and an empty window overlaps no hour). Pure.
 */
export class IncidentConfirmations {
  private readonly latest = new Map<string, IncidentOutcome>();

  /** Takes outcomes in any order; returns the inputs that change what the detectors were told. */
  add(outcomes: readonly IncidentOutcome[]): ConfirmedIncidentInput[] {
    const out: ConfirmedIncidentInput[] = [];
    for (const o of outcomes) {
      const prev = this.latest.get(o.ticketId);
      if (prev && prev.seq > o.seq) continue;
      if (prev && prev.seq === o.seq && prev.outcome === o.outcome) continue;
      this.latest.set(o.ticketId, o);
      const now = o.outcome === 'incident' ? windows(o) : [];
      const kept = new Set(now.map((w) => w.watchId));
      // Watches the earlier judgement confirmed and this one does not: withdrawn.
      if (prev?.outcome === 'incident') {
        for (const w of prev.watchIds) if (!kept.has(w)) out.push({ id: idOf(o.ticketId, w), watchId: w, from: o.from, to: o.from });
      }
      out.push(...now);
    }
    return out;
  }

  /** Every window in force, for a detector restored after the outcomes were read. */
  all(): ConfirmedIncidentInput[] {
    return [...this.latest.values()].filter((o) => o.outcome === 'incident').flatMap(windows);
  }

  /** What the team judged so far: tickets confirmed as incidents and marked false alarms. */
  counts(): { incidents: number; falseAlarms: number } {
    let incidents = 0;
    let falseAlarms = 0;
    for (const o of this.latest.values()) {
      if (o.outcome === 'incident') incidents += 1;
      else if (o.outcome === 'false_alarm') falseAlarms += 1;
    }
    return { incidents, falseAlarms };
  }
}

const idOf = (ticketId: string, watchId: string) => `${ticketId}@${watchId}`;

function windows(o: IncidentOutcome): ConfirmedIncidentInput[] {
  return o.watchIds.map((w) => ({ id: idOf(o.ticketId, w), watchId: w, from: o.from, to: o.to }));
}
