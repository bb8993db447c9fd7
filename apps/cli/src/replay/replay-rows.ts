import * as fs from 'node:fs';
import { Channel, MAX_TEXT_CHARS, mentionId, type RawMention } from '@vigil/contracts';
import { readRows } from '../rows/read-rows';
import { maskRawMention } from '@vigil/collector';

/** One historical post to replay, with the incident it belongs to when the file is labelled. */
export interface ReplayRow {
  line: number;
  mention: RawMention;
  /** Label of the incident this post belongs to; '' for background chatter; undefined when unlabelled. */
  incident?: string;
}

export interface ReplayFile {
  rows: ReplayRow[];
  /** One line per rejected row: `line N: what is wrong`. */
  rejected: string[];
  labelled: boolean;
}

const TEXT = ['text', 'content', 'review', 'body', 'narrative', 'Consumer complaint narrative', 'sentence'];
const TIME = ['publishedAt', 'at', 'time', 'timestamp', 'date', 'created_at', 'Date received'];
const ID = ['id', 'externalId', 'Complaint ID'];
const AUTHOR = ['author', 'user', 'username'];
const INCIDENT = ['incident', 'storm', 'event'];
/** Whose post it is: the detector keys baselines, clusters and signals by it (see libs/detection watch-keys.ts). */
const WATCH = ['watch', 'brand', 'company', 'Company'];

const pick = (rec: Record<string, unknown>, names: string[]) => {
  for (const n of names) if (rec[n] !== undefined && rec[n] !== null && rec[n] !== '') return rec[n];
  return undefined;
};
const num = (v: unknown) => (v === undefined || v === '' ? undefined : Number.isFinite(Number(v)) ? Number(v) : undefined);

/**
 * Turns one row of a JSONL or CSV history into a raw mention with its original time.
 * Field names follow the common exports (text/content/review/narrative, publishedAt/at/date…).
 */
export function toReplayRow(rec: Record<string, unknown>, line: number, sourceId: string): ReplayRow {
  const text = pick(rec, TEXT);
  if (typeof text !== 'string' || !text.trim()) throw new Error(`no text (one of: ${TEXT.join(', ')})`);
  const rawTime = pick(rec, TIME);
  if (rawTime === undefined) throw new Error(`no time (one of: ${TIME.join(', ')})`);
  const t = typeof rawTime === 'number' ? new Date(rawTime < 1e12 ? rawTime * 1000 : rawTime) : new Date(String(rawTime));
  if (Number.isNaN(t.getTime())) throw new Error(`unreadable time "${String(rawTime)}"`);
  const externalId = String(pick(rec, ID) ?? `line-${line}`);
  const channelRaw = typeof rec.channel === 'string' ? rec.channel : 'social';
  const channel = Channel.safeParse(channelRaw);
  if (!channel.success) throw new Error(`unknown channel "${channelRaw}" (one of: ${Channel.options.join(', ')})`);
  const author = pick(rec, AUTHOR);
  const authorObj = typeof author === 'object' && author !== null ? (author as Record<string, unknown>) : undefined;
  const rating = num(rec.rating);
  const incident = pick(rec, INCIDENT);
  const watchRaw = pick(rec, WATCH);
  const watch = watchRaw === undefined ? undefined : String(watchRaw).trim().slice(0, 128);
  // Masked as the collector masks live posts: a replay's topics hold no personal data either.
  const mention: RawMention = maskRawMention({
    id: mentionId(sourceId, externalId),
    sourceId,
    sourceType: 'replay',
    channel: channel.data,
    externalId,
    author: authorObj
      ? { id: authorObj.id === undefined ? undefined : String(authorObj.id), name: authorObj.name === undefined ? undefined : String(authorObj.name), followers: num(authorObj.followers) }
      : author !== undefined
        ? { id: String(author), name: String(author), followers: num(rec.followers) }
        : undefined,
    title: typeof rec.title === 'string' ? rec.title.slice(0, 2048) : undefined,
    text: text.slice(0, MAX_TEXT_CHARS),
    truncated: text.length > MAX_TEXT_CHARS,
    publishedAt: t.toISOString(),
    fetchedAt: t.toISOString(),
    langHint: typeof rec.lang === 'string' ? rec.lang : undefined,
    rating: rating !== undefined && rating >= 1 && rating <= 5 ? rating : undefined,
    reach: num(rec.reach),
    ...(watch ? { meta: { watch } } : {}),
  });
  return { line, mention, incident: incident === undefined ? ('incident' in rec || 'storm' in rec ? '' : undefined) : String(incident) };
}

/**
 * Reads a history file, sorted by time (a replay is in event-time order). Bad rows are
 * listed by line and left out; the rest is replayed.
 */
export async function readReplayFile(file: string, sourceId: string): Promise<ReplayFile> {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const rows: ReplayRow[] = [];
  const rejected: string[] = [];
  for await (const r of readRows(file)) {
    if (!('row' in r)) {
      rejected.push(`line ${r.line}: ${r.error}`);
      continue;
    }
    try {
      rows.push(toReplayRow(r.row, r.line, sourceId));
    } catch (e) {
      rejected.push(`line ${r.line}: ${(e as Error).message}`);
    }
  }
  // A repeated id would be one post, not two: keep the first, say so.
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    if (seen.has(r.mention.id)) {
      rejected.push(`line ${r.line}: repeats id "${r.mention.externalId}"`);
      return false;
    }
    seen.add(r.mention.id);
    return true;
  });
  unique.sort((a, b) => a.mention.publishedAt.localeCompare(b.mention.publishedAt) || a.line - b.line);
  return { rows: unique, rejected, labelled: unique.some((r) => r.incident !== undefined) };
}

/** `--speed max` (as fast as the pipeline takes it) or `60x` (an hour of history per minute). */
export function parseSpeed(s: string): number {
  if (s === 'max') return Infinity;
  const m = /^(\d+(?:\.\d+)?)x$/.exec(s.trim());
  if (!m || Number(m[1]) <= 0) throw new Error(`--speed must be "max" or a factor such as 60x, got "${s}"`);
  return Number(m[1]);
}
