import { SEVERITY_LABEL_ZH, SEVERITY_LEVELS, maxSeverity, type SeverityLevel, type Signal } from '@vigil/contracts';
import type { ReplayResult } from './run-replay';

const MAX_ROWS = 15;
const level = (l: SeverityLevel) => `${SEVERITY_LABEL_ZH[l]}/${l}`;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** What a replay found, as a person reads it in a terminal. */
export function formatReplayReport(file: string, r: ReplayResult): string {
  const out: string[] = [];
  const by = (kind: Signal['kind']) => r.signals.filter((s) => s.kind === kind);
  out.push(`Replay of ${file}: ${r.posted} posts replayed, ${r.rejected.length} rows skipped, ${r.enriched} analysed, ${r.signals.length} signals, in ${r.seconds.toFixed(1)} s`);

  out.push('', `Clusters: ${r.clusters.length}${r.clusters.length > MAX_ROWS ? ` (largest ${MAX_ROWS})` : ''}`);
  for (const c of r.clusters.slice(0, MAX_ROWS)) {
    const where = [...c.places.slice(0, 2), ...c.categories.slice(0, 2)].join(', ');
    const watch = c.watchId && c.watchId !== '_all' ? `${c.watchId}  ` : '';
    const flare = c.previousClusterId ? '  (flare of an earlier cluster)' : '';
    out.push(`  ${String(c.size).padStart(5)} posts ${String(c.distinctAuthors).padStart(4)} authors  ${minute(c.firstSeen)} → ${minute(c.lastSeen)}  ${c.status.padEnd(6)}  ${watch}${cut(c.title ?? c.label, 40)}${where ? `  [${where}]` : ''}${flare}`);
  }

  const bursts = by('burst');
  const cooled = new Map(by('burst_cooling').map((s) => [s.key, s.at]));
  out.push('', `Bursts: ${bursts.length}`);
  for (const s of bursts.slice(0, MAX_ROWS)) {
    const b = s.burst;
    const sure = b?.confidence !== undefined ? `, ${(100 * b.confidence).toFixed(b.confidence > 0.999 ? 2 : 1)} % sure` : '';
    out.push(`  ${minute(s.at)}  ${b ? `${b.dimension}=${b.value}  ${b.observed} posts vs ${b.baseline.toFixed(1)} usual (×${(b.ratio ?? 0).toFixed(1)}${sure})` : s.key}${cooled.has(s.key) ? `  cooled ${minute(cooled.get(s.key)!)}` : ''}`);
    out.push(`      ${cut(s.label, 90)}`);
  }

  const groups = by('group_complaint');
  out.push('', `Group complaints: ${groups.length}`);
  for (const s of groups.slice(0, MAX_ROWS)) {
    const g = s.groupComplaint;
    out.push(`  ${minute(s.at)}  ${level(s.severity.level)}  ${g?.nature ?? '?'}  ${s.metrics.distinctAuthors} authors  ${cut(s.label, 30)}  ${g ? g.concentration.map((c) => `${c.kind}:${c.value}`).join(', ') : ''}`);
  }

  // Severity of each incident key at its highest.
  const top = new Map<string, SeverityLevel>();
  for (const s of r.signals) top.set(s.key, maxSeverity(top.get(s.key) ?? 'general', s.severity.level));
  const counts = SEVERITY_LEVELS.map((l) => `${level(l)} ${[...top.values()].filter((x) => x === l).length}`).join(', ');
  out.push('', `Severity (highest per incident key, ${top.size} keys): ${counts}`);

  out.push('', `Tickets: ${r.tickets.length}`);
  for (const t of r.tickets.slice(0, MAX_ROWS)) out.push(`  ${t.id}  ${level(t.level)}  ${t.state}  ${t.evidence.signalCount} signals  ${cut(t.title, 60)}`);
  // Tickets by watch and by the (event-time) day of the signal that opened them: a quiet day should show few.
  const byId = new Map(r.signals.map((s) => [s.id, s]));
  const perWatch = new Map<string, Map<string, number>>();
  for (const t of r.tickets) {
    const opener = byId.get(t.evidence.signalIds[0] ?? '');
    const watch = opener?.watchId ?? '?';
    const day = (opener?.at ?? t.openedAt).slice(0, 10);
    const days = perWatch.get(watch) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + 1);
    perWatch.set(watch, days);
  }
  for (const [watch, days] of [...perWatch].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push(`  ${watch}: ${[...days].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([d, n]) => `${d} ${n}`).join(', ')}`);
  }

  if (r.score) {
    const s = r.score;
    out.push('', `Against the labels: precision ${pct(s.precision)} (${s.judgedSignals} signals judged), recall ${pct(s.recall)} (${s.incidents.filter((i) => i.detectedAt).length}/${s.incidents.length} incidents)`);
    for (const i of s.incidents) {
      out.push(
        i.detectedAt
          ? `  ${cut(i.incident, 30)}: ${i.posts} posts from ${minute(i.onset)}; first signal ${i.firstSignal!.kind} (${level(i.firstSignal!.level as SeverityLevel)}) after ${i.delayMinutes!.toFixed(1)} min and ${i.postsBeforeDetection} posts`
          : `  ${cut(i.incident, 30)}: ${i.posts} posts from ${minute(i.onset)}; NOT detected`,
      );
    }
    if (s.falseSignals.length) out.push(`  false alarms: ${s.falseSignals.slice(0, 5).map((f) => `${f.kind} "${cut(f.label, 20)}"`).join('; ')}${s.falseSignals.length > 5 ? ` … (${s.falseSignals.length})` : ''}`);
  }
  return out.join('\n');
}
