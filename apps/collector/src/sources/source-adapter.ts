import type { RawMention } from '@vigil/contracts';
import type { SourceConfig } from './sources-config';

/** A post as an adapter found it, before ids, truncation and filters are applied. */
export type CollectedItem = Pick<RawMention, 'externalId' | 'text' | 'publishedAt'> &
  Partial<Pick<RawMention, 'url' | 'author' | 'title' | 'rating' | 'reach' | 'langHint' | 'meta'>>;

/** What an adapter remembers between polls; persisted so a restart neither re-emits nor skips. */
export interface SourceCursor {
  etag?: string;
  lastModified?: string;
  /** Recent external ids, newest last, bounded. */
  seen: string[];
}

export interface PollResult {
  items: CollectedItem[];
  cursor: SourceCursor;
}

export class FeedFormatError extends Error {}

/** One interface, many implementations injected as a list (RSS now; app stores, Mastodon, JSON next). */
export interface SourceAdapter {
  readonly type: SourceConfig['type'];
  poll(source: SourceConfig, cursor: SourceCursor): Promise<PollResult>;
}

export const SOURCE_ADAPTERS = Symbol('SOURCE_ADAPTERS');
