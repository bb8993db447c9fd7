import type { RawMention, SourceCursor } from '@vigil/contracts';
import type { SourceConfig } from './sources-config';

/** A post as an adapter found it, before ids, truncation and filters are applied. */
export type CollectedItem = Pick<RawMention, 'externalId' | 'text' | 'publishedAt'> &
  Partial<Pick<RawMention, 'url' | 'author' | 'title' | 'rating' | 'reach' | 'langHint' | 'meta'>>;

/** What an adapter remembers between polls (stored with the source state, so a restart neither re-emits nor skips). */
export type { SourceCursor };

export interface PollResult {
  items: CollectedItem[];
  cursor: SourceCursor;
  /** Posts may have been missed (paging limit before reaching known items, a page the server refused). */
  gap?: { reason: string; from?: string; to?: string };
  /** More is waiting (a paging limit in a source that resumes exactly): poll again soon. */
  more?: boolean;
}

export class FeedFormatError extends Error {}

/** One interface, many implementations injected as a list. */
export interface SourceAdapter<T extends SourceConfig['type'] = SourceConfig['type']> {
  readonly type: T;
  poll(source: Extract<SourceConfig, { type: T }>, cursor: SourceCursor): Promise<PollResult>;
}

export const SOURCE_ADAPTERS = Symbol('SOURCE_ADAPTERS');
