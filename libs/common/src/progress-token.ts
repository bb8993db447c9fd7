import type { DataKeyRing } from './data-keys';

/**
 * The unguessable part of a complainant's progress link (进度查询): the mention id and a 128-bit
 * MAC of it, base64url (43 characters). Deterministic, so a repeated intake call gets the same
 * link from any instance; unforgeable without the data keys; nothing is stored to look it up.
 */
export function progressToken(ring: DataKeyRing, mentionId: string): string {
  const id = Buffer.from(mentionId, 'hex');
  if (id.length !== 16) throw new Error('a mention id is 32 hex characters');
  return Buffer.concat([id, ring.linkMac(`progress:${mentionId}`)]).toString('base64url');
}

/** The mention id a token names, or undefined for anything we did not issue (checked in constant time). */
export function readProgressToken(ring: DataKeyRing, token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 32) return undefined;
  const mentionId = raw.subarray(0, 16).toString('hex');
  return ring.verifyLinkMac(`progress:${mentionId}`, raw.subarray(16)) ? mentionId : undefined;
}
