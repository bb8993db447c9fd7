import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SealedBox } from '@vigil/contracts';

export class DataKeyError extends Error {}

interface DataKey {
  kid: string;
  seal: Buffer;
}

/**
 * The data keys personal data is sealed with (`VIGIL_DATA_KEYS="k2:<base64 32 bytes>,k1:<…>"`):
 * the first seals, every listed key opens what it sealed (rotation: put the new key first and
 * keep the old ones while sealed data remains). Each use gets its own subkey (HKDF-SHA256), so
 * a key that seals never also signs. Match keys (finding the same person) and progress-link
 * MACs come from the last key listed, the oldest, so they stay stable across rotations.
 */
export class DataKeyRing {
  private readonly keys: DataKey[];
  private readonly matchKey: Buffer;
  private readonly linkKey: Buffer;

  private constructor(raw: { kid: string; key: Buffer }[]) {
    this.keys = raw.map(({ kid, key }) => ({ kid, seal: derive(key, 'vigil/seal/v1') }));
    const root = raw[raw.length - 1]!.key;
    this.matchKey = derive(root, 'vigil/match/v1');
    this.linkKey = derive(root, 'vigil/link/v1');
  }

  /** Throws a DataKeyError that never repeats key material. */
  static parse(text: string): DataKeyRing {
    const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (!entries.length) throw new DataKeyError('no data key given');
    const seen = new Set<string>();
    const raw = entries.map((entry, i) => {
      const m = /^([A-Za-z0-9._-]{1,32}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
      if (!m) throw new DataKeyError(`entry ${i + 1} is not kid:base64key`);
      const key = Buffer.from(m[2]!.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      if (key.length !== 32) throw new DataKeyError(`entry ${i + 1} (${m[1]}): the key must be 32 bytes, base64-encoded (it is ${key.length})`);
      if (seen.has(m[1]!)) throw new DataKeyError(`key id "${m[1]}" appears twice`);
      seen.add(m[1]!);
      return { kid: m[1]!, key };
    });
    return new DataKeyRing(raw);
  }

  /** A fresh key entry for VIGIL_DATA_KEYS. */
  static generateEntry(kid = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`): string {
    return `${kid}:${randomBytes(32).toString('base64')}`;
  }

  /** AES-256-GCM with a random 96-bit IV; `aad` binds the box to its owner (e.g. the mention id). */
  seal(value: unknown, aad: string): SealedBox {
    const k = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', k.seal, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { v: 1, kid: k.kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  }

  /** Throws DataKeyError for an unknown key id, a wrong `aad` or a tampered box. */
  open<T = unknown>(box: SealedBox, aad: string): T {
    const k = this.keys.find((x) => x.kid === box.kid);
    if (!k) throw new DataKeyError(`no data key "${box.kid}" (it sealed this value; keep it in VIGIL_DATA_KEYS)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', k.seal, Buffer.from(box.iv, 'base64'));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
      const text = Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as T;
    } catch {
      throw new DataKeyError('the sealed value does not open with its key (tampered, or sealed for another owner)');
    }
  }

  /** HMAC-SHA256 hex of a normalised value: equal inputs match without revealing them. */
  match(kind: string, value: string): string {
    return createHmac('sha256', this.matchKey).update(`${kind}\u0000${value}`).digest('hex');
  }

  /** A MAC for an unguessable link (`bytes` of HMAC-SHA256). */
  linkMac(data: string, bytes = 16): Buffer {
    return createHmac('sha256', this.linkKey).update(data).digest().subarray(0, bytes);
  }

  /** Constant-time check of a link MAC. */
  verifyLinkMac(data: string, mac: Buffer): boolean {
    const want = this.linkMac(data, mac.length);
    return mac.length >= 16 && timingSafeEqual(want, mac);
  }
}

function derive(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
}

/** `+86 139-1234-5678` and `13912345678` are one phone; e-mails compare lower-cased. */
export function normaliseContact(kind: 'phone' | 'email', value: string): string {
  if (kind === 'email') return value.trim().toLowerCase();
  const digits = value.replace(/[^\d+]/g, '').replace(/^(?:\+|00)86(?=1[3-9]\d{9}$)/, '');
  return digits;
}

/** The `VIGIL_DATA_KEYS` setting of an app's config: absent, or a parsed key ring (errors never show key material). */
export const DataKeysSetting = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return undefined;
    try {
      return DataKeyRing.parse(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });
