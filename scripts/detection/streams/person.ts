/**
 * A person who works Vigil's tickets in a replay: a ticket (opened or reopened) whose opening
 * signal is about a labelled storm (the scorer's own rule, score.ts labelMatcher) is confirmed as a
 * real incident 1–2 h after it opened, its window running from the burst's window start (else the
 * opening) to the ticket's close (RESOLVE_AFTER_HOURS after it opened); a ticket about no storm is
 * marked nothing. The confirmation reaches the detector between posts (detector.confirmIncidents).
 */
import type { EnrichedMention, Signal } from '@vigil/contracts';
import type { Detector } from '../../../libs/detection/src';
import { HOUR } from './rhythm';
import type { Scenario } from './scenarios';
import { labelMatcher } from './score';
import { RESOLVE_AFTER_HOURS, TicketSim } from './tickets';

export interface Confirmation { at: number; id: string; watchId: string; from: number; to: number; incident: string }

export function confirmingPerson(s: Scenario, stream: readonly EnrichedMention[], d: Detector) {
  const { watchOf, incidentOf } = labelMatcher(s, stream);
  const sim = new TicketSim();
  let rng = (s.seed * 2654435761) % 4294967296;
  const delay = () => {
    rng = (rng * 1664525 + 1013904223) % 4294967296;
    return HOUR + Math.floor((rng / 4294967296) * HOUR);
  };
  const due: Confirmation[] = [];
  const done: Confirmation[] = [];
  let n = 0;
  return {
    done,
    /** Signals as the detector emits them: the tickets they open are read. */
    signals(xs: readonly Signal[]): void {
      for (const x of xs) {
        const o = sim.push(x);
        if (!o) continue;
        const inc = incidentOf(o.signal);
        if (!inc?.alarm) continue;
        const watchId = o.signal.watchId ?? watchOf(o.signal);
        if (!watchId) continue;
        const from = o.signal.burst ? Math.min(o.at, Date.parse(o.signal.burst.windowStart)) : o.at;
        due.push({ at: o.at + delay(), id: `T-${++n}`, watchId, from, to: o.at + RESOLVE_AFTER_HOURS * HOUR, incident: inc.id });
      }
    },
    /** Event time is about to reach `t`: confirmations due by then reach the detector. */
    upTo(t: number): void {
      due.sort((a, b) => a.at - b.at);
      while (due.length && due[0]!.at <= t) {
        const c = due.shift()!;
        d.confirmIncidents([{ id: c.id, watchId: c.watchId, from: c.from, to: c.to }]);
        done.push(c);
      }
    },
  };
}
