import { Inject, Injectable } from '@nestjs/common';
import { MAX_TEXT_CHARS, mentionId, type RawMention } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';
import { SourceStateRepository } from './state/source-state.repository';
import { median, newState, recordFailure, recordSuccess } from './state/source-health';
import { SOURCE_ADAPTERS, type CollectedItem, type SourceAdapter } from './sources/source-adapter';
import type { SourceConfig } from './sources/sources-config';
import { FetchError } from './http/http-fetcher';
import { maskRawMention } from './privacy/mask-raw-mention';

/** How many recent external ids a source remembers to avoid re-emitting. */
const SEEN_LIMIT = 5_000;
/** Messages per Kafka send: a first read of a large export must not become one huge request. */
const SEND_CHUNK = 500;

export interface PollOutcome {
  sourceId: string;
  emitted: number;
  skippedSeen: number;
  filtered: number;
  error?: string;
  /** The server asked us to wait (429/503 Retry-After). */
  retryAfterMs?: number;
  /** The adapter stopped at its paging limit with more waiting: poll again soon. */
  more?: boolean;
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
    const adapter = this.adapters.get(source.type);
    if (!adapter) throw new Error(`no adapter for source type ${source.type}`);
    let state = newState(source.id, now);
    let loaded = false;
    try {
      // Inside the try: Elasticsearch being away is a failed poll like any other, not a crash.
      state = (await this.states.get(source.id)) ?? state;
      loaded = true;
      const { items, cursor, gap, more } = await adapter.poll(source as never, state.cursor);
      const seen = new Set(state.cursor.seen);
      // One id twice in a page (a boost, a re-sorted page) is still one post.
      const fresh = [...new Map(items.filter((i) => !seen.has(i.externalId)).map((i) => [i.externalId, i])).values()];
      const wanted = fresh.filter((i) => matchesFilters(i, source.keywords, source.exclude));
      const mentions = wanted.map((i) => maskRawMention(toRawMention(source, i, now)));
      for (let i = 0; i < mentions.length; i += SEND_CHUNK) {
        await this.producer.send('mentionsRaw', mentions.slice(i, i + SEND_CHUNK).map((m) => ({ key: m.id, value: m })));
      }
      const nextSeen = [...state.cursor.seen, ...fresh.map((i) => i.externalId)];
      const lags = fresh.filter((i) => i.publishedAt).map((i) => Math.max(0, Date.parse(now) - Date.parse(i.publishedAt)));
      await this.states.save(
        recordSuccess(
          { ...state, cursor: { ...cursor, seen: [...new Set(nextSeen)].slice(-SEEN_LIMIT) } },
          { now, everyMs: source.every, emitted: mentions.length, lagMs: median(lags), gap },
        ),
      );
      if (mentions.length) this.logger.info({ sourceId: source.id, emitted: mentions.length }, 'emitted mentions');
      if (gap) this.logger.warn({ sourceId: source.id, reason: gap.reason }, 'coverage gap');
      return { sourceId: source.id, emitted: mentions.length, skippedSeen: items.length - fresh.length, filtered: fresh.length - wanted.length, more };
    } catch (e) {
      const message = (e as Error).message;
      this.logger.warn({ sourceId: source.id, err: message }, 'poll failed');
      // Without the stored state (its read failed) a save would overwrite the cursor with an empty one.
      if (loaded) await this.states.save(recordFailure(state, { now, everyMs: source.every, message })).catch(() => undefined);
      return { sourceId: source.id, emitted: 0, skippedSeen: 0, filtered: 0, error: message, retryAfterMs: e instanceof FetchError ? e.retryAfterMs : undefined };
    }
  }
}

export function matchesFilters(item: CollectedItem, keywords: string[], exclude: string[] = []): boolean {
  const hay = `${item.title ?? ''} ${item.text}`.toLowerCase();
  if (exclude.some((k) => hay.includes(k.toLowerCase()))) return false;
  return !keywords.length || keywords.some((k) => hay.includes(k.toLowerCase()));
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
    meta: withAppId(source, item.meta),
  };
}

/** App store reviews carry their app's id, so a watch that lists the app takes them without a keyword. */
function withAppId(source: SourceConfig, meta: CollectedItem['meta']): CollectedItem['meta'] {
  const appId = source.type === 'appstore' ? source.appId : source.type === 'googleplay' ? source.appId : undefined;
  return appId ? { ...meta, appId } : meta;
}
