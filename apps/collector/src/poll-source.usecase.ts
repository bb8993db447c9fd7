import { Inject, Injectable } from '@nestjs/common';
import { MAX_TEXT_CHARS, mentionId, type RawMention } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';
import { SourceStateRepository, type SourceState } from './state/source-state.repository';
import { SOURCE_ADAPTERS, type CollectedItem, type SourceAdapter } from './sources/source-adapter';
import type { SourceConfig } from './sources/sources-config';
import { FetchError } from './http/http-fetcher';

/** How many recent external ids a source remembers to avoid re-emitting. */
const SEEN_LIMIT = 5_000;

export interface PollOutcome {
  sourceId: string;
  emitted: number;
  skippedSeen: number;
  filtered: number;
  error?: string;
  /** The server asked us to wait (429/503 Retry-After). */
  retryAfterMs?: number;
}

/**
 * Polls one source and emits what is new. The state is saved only after Kafka
 * acknowledged the messages: a crash in between re-emits items whose ids are
 * deterministic, so downstream they are still one document and one count.
 */
@Injectable()
export class PollSourceUseCase {
  private readonly logger = createLogger('collector');
  private readonly adapters: Map<string, SourceAdapter>;

  constructor(
    @Inject(SOURCE_ADAPTERS) adapters: SourceAdapter[],
    private readonly producer: MessageProducer,
    private readonly states: SourceStateRepository,
    private readonly clock: Clock,
  ) {
    this.adapters = new Map(adapters.map((a) => [a.type, a]));
  }

  async execute(source: SourceConfig): Promise<PollOutcome> {
    const now = this.clock.now().toISOString();
    const state: SourceState = (await this.states.get(source.id)) ?? { sourceId: source.id, cursor: { seen: [] }, updatedAt: now, errorCount: 0, itemsEmitted: 0 };
    const adapter = this.adapters.get(source.type);
    if (!adapter) throw new Error(`no adapter for source type ${source.type}`);
    try {
      const { items, cursor } = await adapter.poll(source, state.cursor);
      const seen = new Set(state.cursor.seen);
      const fresh = items.filter((i) => !seen.has(i.externalId));
      const wanted = fresh.filter((i) => matchesKeywords(i, source.keywords));
      const mentions = wanted.map((i) => toRawMention(source, i, now));
      await this.producer.send('mentionsRaw', mentions.map((m) => ({ key: m.id, value: m })));
      const nextSeen = [...state.cursor.seen, ...fresh.map((i) => i.externalId)];
      await this.states.save({
        ...state,
        cursor: { ...cursor, seen: [...new Set(nextSeen)].slice(-SEEN_LIMIT) },
        updatedAt: now,
        lastSuccessAt: now,
        itemsEmitted: state.itemsEmitted + mentions.length,
      });
      if (mentions.length) this.logger.info({ sourceId: source.id, emitted: mentions.length }, 'emitted mentions');
      return { sourceId: source.id, emitted: mentions.length, skippedSeen: items.length - fresh.length, filtered: fresh.length - wanted.length };
    } catch (e) {
      const message = (e as Error).message;
      this.logger.warn({ sourceId: source.id, err: message }, 'poll failed');
      await this.states.save({ ...state, updatedAt: now, lastErrorAt: now, lastError: message.slice(0, 2000), errorCount: state.errorCount + 1 }).catch(() => undefined);
      return { sourceId: source.id, emitted: 0, skippedSeen: 0, filtered: 0, error: message, retryAfterMs: e instanceof FetchError ? e.retryAfterMs : undefined };
    }
  }
}

function matchesKeywords(item: CollectedItem, keywords: string[]): boolean {
  if (!keywords.length) return true;
  const hay = `${item.title ?? ''} ${item.text}`.toLowerCase();
  return keywords.some((k) => hay.includes(k.toLowerCase()));
}

export function toRawMention(source: SourceConfig, item: CollectedItem, fetchedAt: string): RawMention {
  const truncated = item.text.length > MAX_TEXT_CHARS;
  return {
    id: mentionId(source.id, item.externalId),
    sourceId: source.id,
    sourceType: source.type,
    channel: source.channel,
    externalId: item.externalId.slice(0, 1024),
    url: item.url?.slice(0, 4096),
    author: item.author,
    title: item.title?.slice(0, 2048),
    text: truncated ? item.text.slice(0, MAX_TEXT_CHARS) : item.text,
    truncated,
    // An item without a usable date is dated when we saw it, so it is still placed in time.
    publishedAt: item.publishedAt || fetchedAt,
    fetchedAt,
    langHint: item.langHint ?? source.langHint,
    rating: item.rating,
    reach: item.reach,
    meta: item.meta,
  };
}
