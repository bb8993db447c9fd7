import type { EscalationAudit } from './audit';
import type { PhaseLedger } from './intake-load';

export interface Row {
  phase: string;
  fault: string;
  /** When the row began (ms): its escalations are the ladder steps that fell due from then to the next row. */
  startedAt: number;
  ledger: PhaseLedger;
  indexed: number;
  lost: number;
  duplicated: number;
  duplicateTickets: number;
  /** Seconds from the restart until every app is healthy and a new post is searchable; null: not within the limit. */
  recoverS: number | null;
  /** Ladder steps due in the row by the plan's deadlines, and what the tickets' trail shows of them. */
  escalations: EscalationAudit;
}

const esc = (e: EscalationAudit) => `${e.due} / ${e.fired} / ${e.repeated} / ${e.lost} / ${e.early}`;

/** The suite's result as a Markdown table (pasted into the README as it is). */
export function printTable(rows: Row[], info: { mode: string; rate: number; tickets: number; escalations: EscalationAudit; crashed: string[] }): string {
  const head = ['fault', 'accepted', 'refused', 'indexed', 'lost', 'duplicated', 'duplicate tickets', 'escalations due / fired / repeated / lost / early', 'seconds to recover'];
  const lines = rows.map((r) => [
    r.fault,
    r.ledger.accepted.size,
    r.ledger.refused,
    r.indexed,
    r.lost,
    r.duplicated,
    r.duplicateTickets,
    esc(r.escalations),
    r.phase === 'warmup' ? '–' : r.recoverS === null ? 'NOT recovered' : r.recoverS.toFixed(1),
  ].map(String));
  const sum = (f: (r: Row) => number) => String(rows.reduce((a, r) => a + f(r), 0));
  lines.push(['**all**', sum((r) => r.ledger.accepted.size), sum((r) => r.ledger.refused), sum((r) => r.indexed), sum((r) => r.lost), sum((r) => r.duplicated), sum((r) => r.duplicateTickets), esc(info.escalations), '']);
  const md = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)];
  return [
    '',
    `chaos suite, ${info.mode} mode, ${new Date().toISOString()}, ${info.rate} intake posts/s; tickets opened: ${info.tickets}`,
    ...md,
    `escalations fired at most ${info.escalations.maxLateS.toFixed(1)} s after their deadline (the plan's ladder in seconds instead of minutes)`,
    info.crashed.length ? `apps that exited on their own: ${info.crashed.join(', ')}` : 'no app exited on its own',
    '',
  ].join('\n');
}
