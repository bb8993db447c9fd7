import type { Signal } from '@vigil/contracts';
import type { ReplayRow } from './replay-rows';

export interface IncidentScore {
  incident: string;
  posts: number;
  onset: string;
  /** Event time of the first signal about it, when one came. */
  detectedAt?: string;
  delayMinutes?: number;
  /** How many of its posts had been published when it was first signalled. */
  postsBeforeDetection?: number;
  firstSignal?: { id: string; kind: Signal['kind']; level: string };
}

export interface ReplayScore {
  incidents: IncidentScore[];
  /** Signals whose sample posts are mostly one labelled incident / signals with labelled samples. */
  precision: number;
  /** Incidents with at least one signal / incidents. */
  recall: number;
  judgedSignals: number;
  falseSignals: { id: string; kind: Signal['kind']; label: string }[];
}

/** Signals that claim something is happening (a cooling notice claims the opposite). */
const ALARMS = new Set<Signal['kind']>(['cluster_new', 'cluster_grew', 'burst', 'group_complaint', 'risk_flag']);

/**
 * Scores a replay of labelled history: a signal is about the incident most of its sample
 * posts belong to ('' = background chatter, a false alarm). Delay runs in event time from an
 * incident's first post to the first signal about it.
 */
export function scoreReplay(rows: ReplayRow[], signals: Signal[]): ReplayScore {
  const labelOf = new Map(rows.map((r) => [r.mention.id, r.incident ?? '']));
  const byIncident = new Map<string, ReplayRow[]>();
  for (const r of rows) if (r.incident) byIncident.set(r.incident, [...(byIncident.get(r.incident) ?? []), r]);

  const firstHit = new Map<string, Signal>();
  const falseSignals: ReplayScore['falseSignals'] = [];
  let judged = 0;
  let correct = 0;
  for (const s of [...signals].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!ALARMS.has(s.kind)) continue;
    const labels = s.sampleMentionIds.map((id) => labelOf.get(id)).filter((l): l is string => l !== undefined);
    if (!labels.length) continue;
    judged++;
    const votes = new Map<string, number>();
    for (const l of labels) votes.set(l, (votes.get(l) ?? 0) + 1);
    const [top] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (top[0] && top[1] * 2 > labels.length) {
      correct++;
      if (!firstHit.has(top[0])) firstHit.set(top[0], s);
    } else {
      falseSignals.push({ id: s.id, kind: s.kind, label: s.label });
    }
  }

  const incidents = [...byIncident.entries()].map(([incident, rs]): IncidentScore => {
    const onset = rs.reduce((m, r) => (r.mention.publishedAt < m ? r.mention.publishedAt : m), rs[0].mention.publishedAt);
    const hit = firstHit.get(incident);
    return {
      incident,
      posts: rs.length,
      onset,
      ...(hit && {
        detectedAt: hit.at,
        delayMinutes: Math.max(0, (Date.parse(hit.at) - Date.parse(onset)) / 60_000),
        postsBeforeDetection: rs.filter((r) => r.mention.publishedAt <= hit.at).length,
        firstSignal: { id: hit.id, kind: hit.kind, level: hit.severity.level },
      }),
    };
  });
  return {
    incidents: incidents.sort((a, b) => a.onset.localeCompare(b.onset)),
    precision: judged ? correct / judged : 0,
    recall: incidents.length ? incidents.filter((i) => i.detectedAt).length / incidents.length : 0,
    judgedSignals: judged,
    falseSignals,
  };
}
