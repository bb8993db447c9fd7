import { createHash } from 'node:crypto';

/**
 * A mention's id is derived from its source and its id at the source, so a post
 * seen twice (re-poll, replay, retry) is one document and one count.
 */
export function mentionId(sourceId: string, externalId: string): string {
  return createHash('sha256').update(`${sourceId}\u0000${externalId}`).digest('hex').slice(0, 32);
}
