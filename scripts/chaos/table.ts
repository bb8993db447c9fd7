import type { EscalationAudit } from './audit';
import type { PhaseLedger } from './intake-load';

export interface Row {
  phase: string;
  fault: string;
  ledger: PhaseLedger;
  indexed: number;
  lost: number;
  duplicated: number;
  duplicateTickets: number;
  /** Seconds from the restart until every app is healthy and a new post is searchable; null: not within the limit. */
  recoverS: number | null;
  /** SLA escalations that fired during the row (warmup: since the start), repeated and lost. */
  escalations: EscalationAudit;
}

/** The suite's result as a Markdown table (pasted into the README as it is). */
export function printTable(rows: Row[], info: { mode: string; rate: number; tickets: number; escalations: EscalationAudit; crashed: string[] }): string {
  const head = ['fault', 'accepted', 'refused', 'indexed', 'lost', 'duplicated', 'duplicate tickets', 'escalations fired / repeated / lost', 'seconds to recover'];
  const lines = rows.map((r) => [
    r.fault,
    r.ledger.accepted.size,
    r.ledger.refused,
    r.indexed,
    r.lost,
    r.duplicated,
    r.duplicateTickets,
    `${r.escalations.fired} / ${r.escalations.repeated} / ${r.escalations.lost}`,
    r.phase === 'warmup' ? '–' : r.recoverS === null ? 'NOT recovered' : r.recoverS.toFixed(1),
  ].map(String));
  const sum = (f: (r: Row) => number) => String(rows.reduce((a, r) => a + f(r), 0));
  lines.push(['**all**', sum((r) => r.ledger.accepted.size), sum((r) => r.ledger.refused), sum((r) => r.indexed), sum((r) => r.lost), sum((r) => r.duplicated), sum((r) => r.duplicateTickets), `${info.escalations.fired} / ${info.escalations.repeated} / ${info.escalations.lost}`, '']);
  const md = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)];
  return [
    '',
    `chaos suite, ${info.mode} mode, ${new Date().toISOString()}, ${info.rate} intake posts/s; tickets opened: ${info.tickets}`,
    ...md,
    info.crashed.length ? `apps that exited on their own: ${info.crashed.join(', ')}` : 'no app exited on its own',
    '',
  ].join('\n');
}
