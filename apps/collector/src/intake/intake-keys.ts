import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IntakeKey {
  name: string;
  hash: Buffer;
}

/** `name:sha256hex,…`; the error never repeats a hash (config errors are printed). */
export function parseIntakeKeys(text: string): IntakeKey[] {
  const keys = text.split(',').map((p) => p.trim()).filter(Boolean).map((pair, i) => {
    const m = /^([A-Za-z0-9._-]{1,64}):([0-9a-fA-F]{64})$/.exec(pair);
    if (!m) throw new Error(`entry ${i + 1} is not name:sha256hex (a name of letters, digits, . _ - and 64 hex digits)`);
    return { name: m[1]!, hash: Buffer.from(m[2]!, 'hex') };
  });
  const names = keys.map((k) => k.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`key name "${dup}" appears twice`);
  return keys;
}

export const hashIntakeKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * The name of the key that matches, comparing against every configured hash in
 * constant time (no early exit), so timing tells nothing about which keys exist.
 */
export function matchIntakeKey(presented: string | undefined, keys: readonly IntakeKey[]): string | undefined {
  if (!presented) return undefined;
  const h = hashIntakeKey(presented);
  let found: string | undefined;
  for (const k of keys) if (timingSafeEqual(h, k.hash) && found === undefined) found = k.name;
  return found;
}

/** A new random key and the config entry that admits it: the key goes to the caller, only the hash to config. */
export function createIntakeKey(name: string): { key: string; entry: string } {
  const key = `vgi_${randomBytes(32).toString('base64url')}`;
  return { key, entry: `${name}:${hashIntakeKey(key).toString('hex')}` };
}
