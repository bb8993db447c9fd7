import type { EnrichedMention } from '@vigil/contracts';

export const CSV_COLUMNS = ['id', 'publishedAt', 'sourceId', 'channel', 'language', 'sentiment', 'sentimentScore', 'categories', 'riskScore', 'riskCues', 'places', 'author', 'title', 'text', 'url'] as const;

/**
 * One CSV cell. A number stays a number (a score of -0.429 is not a formula). Text is quoted,
 * and a leading = + - @ (or tab/CR) is defused with a quote mark so a spreadsheet does not run
 * a post's text as a formula.
 */
export function csvCell(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvRow(m: EnrichedMention): string {
  const a = m.analysis;
  return [
    m.id,
    m.publishedAt,
    m.sourceId,
    m.channel,
    a.language,
    a.sentiment.label,
    a.sentiment.score,
    a.categories.map((c) => c.id).join('|'),
    a.riskScore,
    a.riskCues.map((c) => c.kind).join('|'),
    a.entities.places.map((p) => p.name).join('|'),
    m.author?.name,
    m.title,
    m.text,
    m.url,
  ]
    .map(csvCell)
    .join(',');
}
