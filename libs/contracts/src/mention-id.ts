import crypto from 'node:crypto';

// One-shot hashing (Node ≥ 20.12): the same digest as createHash().update().digest() without
// the Hash object, about a quarter of its cost; the processor derives an id for every post.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex: (s: string) => string = oneShot
  ? (s) => oneShot('sha256', s, 'hex')
  : (s) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * A mention's id is derived from its source and its id at the source, so a post
 * seen twice (re-poll, replay, retry) is one document and one count.
 */
export function mentionId(sourceId: string, externalId: string): string {
  return sha256Hex(`${sourceId}\u0000${externalId}`).slice(0, 32);
}
