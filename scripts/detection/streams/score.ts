/**
 * Scores one detector's signals on one scenario against the scenario's own labels.
 *
 * - A signal is about an incident when most of its sample posts were added for it; a burst
 *   (a rise in volume, whose posts look like any other) is also about an incident of its watch
 *   when it fires after the incident's onset over a window that holds part of it.
 * - A storm is found by its first alarm signal (anything but burst_cooling) about it before it
 *   ends, single complaints excepted (isSinglePost); the delay runs from its onset.
 * - Tickets come from the plan's decision over all signals (tickets.ts); a ticket belongs to the
 *   watch most of its opening signal's sample posts belong to. A quiet day is a local day after
 *   warm-up, inside the watch's coverage, that no incident touches (to 12 h after its end).
 * Nothing here looks at which detector produced the signals.
 */
import { ticketKind, type EnrichedMention, type Signal } from '@vigil/contracts';
import { DAY, HOUR } from './rhythm';
import type { Incident, Scenario } from './scenarios';
import { simulateTickets } from './tickets';

export const ALARM_KINDS: Signal['kind'][] = ['risk_flag', 'cluster_new', 'cluster_grew', 'group_complaint', 'burst'];

/**
 * A single complaint judged on its own (a risk flag on its own `mention:` key): it opens a
 * complaint ticket, not an incident, so it neither finds a storm nor counts as the detector's.
 * A risk flag keyed to an incident's cluster is evidence for that incident and counts.
 */
export const isSinglePost = (s: Signal): boolean => s.kind === 'risk_flag' && s.key.startsWith('mention:');

/**
 * Crisis and service tickets are counted apart by the rule the board uses (`ticketKind` in
 * @vigil/contracts): a ticket is the crisis team's unless one complaint opened it for service
 * reasons only. Only a single post's risk flag has a `mention:` key.
 */
export const isServiceTicket = (signal: Signal, triggers: readonly string[]): boolean => ticketKind({ incidentKey: signal.key, triggers }) === 'service';

export interface StormResult {
  incident: Incident;
  found: boolean;
  delayMin?: number;
  by?: Signal['kind'];
  /** The first alert a person got about it (a ticket opened, reopened or raised), before it ended. */
  alerted: boolean;
  alertDelayMin?: number;
}

export interface ScenarioScore {
  storms: StormResult[];
  /** Non-incidents (a viral joke) that raised an alarm signal. */
  falseEvents: Array<{ incident: Incident; signals: number }>;
  quietDays: number;
  /** Per watch: tickets opened on its quiet days / its quiet days. */
  ticketsPerQuietDay: Record<string, number>;
  quietTickets: number;
  /** Of those, opened by a single post's risk flag (the plan's triggers on the analysis' cues). */
  quietRiskFlagTickets: number;
  /**
   * Quiet-day tickets of single posts by the plan's trigger that opened them (a ticket counts
   * once for each of its triggers): crisis cues (safety, data leak, media, regulator) beside the
   * complaint-service triggers (repeat complaint, money above the front line's limit, …).
   */
  quietSinglePostTriggers: Record<string, number>;
  /** Per watch: tickets on quiet days opened by anything but a single-post risk flag / its quiet days. */
  detectorTicketsPerQuietDay: Record<string, number>;
  /** Per watch: crisis tickets (the detector's, and single posts with a crisis trigger) on quiet days / its quiet days. */
  crisisTicketsPerQuietDay: Record<string, number>;
  /** Per watch: service tickets (one complaint, service triggers only) on quiet days / its quiet days. */
  serviceTicketsPerQuietDay: Record<string, number>;
  tickets: number;
  ticketsOnIncidents: number;
  alertsPerTicket: number;
  /** Per signal kind: [about an incident, all] (after warm-up). */
  precision: Record<string, [number, number]>;
  signals: number;
}

/**
 * Which watch a signal is about, and which labelled incident (if any): the scorer's own rule, also
 * the simulated person's who confirms tickets (run-streams.ts).
 */
export function labelMatcher(s: Scenario, stream: readonly EnrichedMention[]) {
  const postOf = new Map<string, { watch: string; incident?: string }>();
  for (let i = 0; i < stream.length; i++) {
    const m = stream[i]!;
    postOf.set(m.id, { watch: m.watches?.[0]?.id ?? '_all', incident: s.posts[i]!.incident });
  }
  const byId = new Map(s.incidents.map((i) => [i.id, i]));

  const majority = (ids: readonly string[], f: (p: { watch: string; incident?: string }) => string | undefined): string | undefined => {
    const votes = new Map<string, number>();
    let n = 0;
    for (const id of ids) {
      const p = postOf.get(id);
      if (!p) continue;
      n++;
      const v = f(p);
      if (v !== undefined) votes.set(v, (votes.get(v) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const e of votes) if (!best || e[1] > best[1] || (e[1] === best[1] && e[0] < best[0])) best = e;
    return best && best[1] * 2 > n ? best[0] : undefined;
  };
  const watchOf = (sig: Signal) => majority(sig.sampleMentionIds, (p) => p.watch);
  const incidentOf = (sig: Signal): Incident | undefined => {
    const byPosts = majority(sig.sampleMentionIds, (p) => p.incident);
    if (byPosts) return byId.get(byPosts);
    if (sig.kind !== 'burst') return undefined;
    const w = watchOf(sig);
    const t = Date.parse(sig.at);
    // Its window holds part of the incident (a long window can fire just after the last post).
    const from = sig.burst ? Date.parse(sig.burst.windowStart) : t;
    return s.incidents.find((i) => i.watch === w && i.alarm && t >= i.onset && from <= i.end);
  };
  return { watchOf, incidentOf };
}

export function scoreScenario(s: Scenario, stream: readonly EnrichedMention[], signals: readonly Signal[]): ScenarioScore {
  const { watchOf, incidentOf } = labelMatcher(s, stream);
  const scoredFrom = s.start + s.warmupDays * DAY;

  const alarms = signals.filter((x) => ALARM_KINDS.includes(x.kind)).sort((a, b) => a.at.localeCompare(b.at));
  const sim = simulateTickets(signals);
  const storms: StormResult[] = [];
  const falseEvents: ScenarioScore['falseEvents'] = [];
  const about = new Map<Signal, Incident | undefined>(alarms.map((a) => [a, incidentOf(a)]));
  for (const inc of s.incidents) {
    const mine = alarms.filter((a) => !isSinglePost(a) && about.get(a) === inc && Date.parse(a.at) <= inc.end);
    if (!inc.alarm) {
      falseEvents.push({ incident: inc, signals: alarms.filter((a) => about.get(a) === inc).length });
      continue;
    }
    const first = mine[0];
    const alert = sim.alerted.find((a) => !isSinglePost(a.signal) && a.at <= inc.end && (about.get(a.signal) ?? incidentOf(a.signal)) === inc);
    storms.push({
      incident: inc,
      found: first !== undefined,
      ...(first ? { delayMin: Math.max(0, (Date.parse(first.at) - inc.onset) / 60_000), by: first.kind } : {}),
      alerted: alert !== undefined,
      ...(alert ? { alertDelayMin: Math.max(0, (alert.at - inc.onset) / 60_000) } : {}),
    });
  }

  const precision: Record<string, [number, number]> = {};
  let scoredSignals = 0;
  for (const a of alarms) {
    if (Date.parse(a.at) < scoredFrom) continue;
    scoredSignals++;
    const p = (precision[a.kind] ??= [0, 0]);
    p[1]++;
    if (about.get(a)?.alarm) p[0]++;
  }

  // Quiet days per watch.
  const days = Math.round((s.end - s.start) / DAY);
  const localDay = (t: number) => Math.floor((t - s.start) / DAY);
  const quiet = new Map<string, Set<number>>();
  for (const w of s.watches) {
    const from = Math.max(s.warmupDays, s.coverageFrom[w] !== undefined ? localDay(s.coverageFrom[w]!) : 0);
    const set = new Set<number>();
    for (let d = from; d < days; d++) set.add(d);
    for (const inc of s.incidents) {
      if (inc.watch !== w || !inc.alarm) continue;
      for (let d = localDay(inc.onset); d <= localDay(inc.end + 12 * HOUR); d++) set.delete(d);
    }
    for (const d of s.unclearDays?.[w] ?? []) set.delete(d);
    quiet.set(w, set);
  }
  const ticketsPerQuietDay: Record<string, number> = {};
  const quietCount = new Map<string, number>();
  const quietDetector = new Map<string, number>();
  const quietService = new Map<string, number>();
  let quietTickets = 0;
  let quietRiskFlagTickets = 0;
  const quietSinglePostTriggers: Record<string, number> = {};
  let tickets = 0;
  let onIncidents = 0;
  let alertsTotal = 0;
  for (const o of sim.openings) {
    if (o.at < scoredFrom) continue;
    tickets++;
    alertsTotal += o.alerts.length;
    if (about.get(o.signal)?.alarm ?? incidentOf(o.signal)?.alarm) onIncidents++;
    const w = watchOf(o.signal);
    if (w && quiet.get(w)?.has(localDay(o.at))) {
      quietCount.set(w, (quietCount.get(w) ?? 0) + 1);
      quietTickets++;
      if (isServiceTicket(o.signal, o.triggers)) quietService.set(w, (quietService.get(w) ?? 0) + 1);
      if (isSinglePost(o.signal)) {
        quietRiskFlagTickets++;
        for (const t of o.triggers) quietSinglePostTriggers[t] = (quietSinglePostTriggers[t] ?? 0) + 1;
      } else quietDetector.set(w, (quietDetector.get(w) ?? 0) + 1);
    }
  }
  let quietDays = 0;
  const detectorTicketsPerQuietDay: Record<string, number> = {};
  const crisisTicketsPerQuietDay: Record<string, number> = {};
  const serviceTicketsPerQuietDay: Record<string, number> = {};
  for (const w of s.watches) {
    const n = quiet.get(w)!.size;
    quietDays += n;
    ticketsPerQuietDay[w] = n ? (quietCount.get(w) ?? 0) / n : 0;
    detectorTicketsPerQuietDay[w] = n ? (quietDetector.get(w) ?? 0) / n : 0;
    serviceTicketsPerQuietDay[w] = n ? (quietService.get(w) ?? 0) / n : 0;
    crisisTicketsPerQuietDay[w] = n ? ((quietCount.get(w) ?? 0) - (quietService.get(w) ?? 0)) / n : 0;
  }
  return {
    storms, falseEvents, quietDays, ticketsPerQuietDay, quietTickets, quietRiskFlagTickets, quietSinglePostTriggers, detectorTicketsPerQuietDay, crisisTicketsPerQuietDay, serviceTicketsPerQuietDay, tickets, ticketsOnIncidents: onIncidents,
    alertsPerTicket: tickets ? alertsTotal / tickets : 0, precision, signals: scoredSignals,
  };
}
