import { describe, expect, it } from 'vitest';
import { DataKeyError, DataKeyRing, normaliseContact } from './data-keys';

const k1 = DataKeyRing.generateEntry('k1');
const k2 = DataKeyRing.generateEntry('k2');

describe('DataKeyRing', () => {
  it('seals with AES-256-GCM so only the same owner opens it', () => {
    const ring = DataKeyRing.parse(k1);
    const box = ring.seal({ phone: '13912345678' }, 'contact:m1');
    expect(box).toMatchObject({ v: 1, kid: 'k1' });
    expect(JSON.stringify(box)).not.toContain('13912345678');
    expect(ring.open(box, 'contact:m1')).toEqual({ phone: '13912345678' });
    // Bound to its owner: the same box moved to another mention does not open.
    expect(() => ring.open(box, 'contact:m2')).toThrow(DataKeyError);
    const tampered = { ...box, ct: Buffer.from(Buffer.from(box.ct, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64') };
    expect(() => ring.open(tampered, 'contact:m1')).toThrow(/does not open/);
    // A fresh IV each time: the same value never seals to the same bytes.
    expect(ring.seal({ phone: '13912345678' }, 'contact:m1').ct).not.toBe(box.ct);
  });

  it('rotates: the new key seals, the old one still opens, match keys and link MACs stay the same', () => {
    const old = DataKeyRing.parse(k1);
    const rotated = DataKeyRing.parse(`${k2},${k1}`);
    const box = old.seal({ name: '孙女士' }, 'a');
    expect(rotated.open(box, 'a')).toEqual({ name: '孙女士' });
    expect(rotated.seal(1, 'a').kid).toBe('k2');
    expect(() => old.open(rotated.seal(1, 'a'), 'a')).toThrow(/no data key "k2"/);
    expect(rotated.match('phone', '139')).toBe(old.match('phone', '139'));
    expect(rotated.verifyLinkMac('m1', old.linkMac('m1'))).toBe(true);
    expect(old.verifyLinkMac('m2', old.linkMac('m1'))).toBe(false);
  });

  it('refuses bad entries without repeating key material', () => {
    expect(() => DataKeyRing.parse('')).toThrow('no data key given');
    expect(() => DataKeyRing.parse('k1:c2hvcnQ=')).toThrow('entry 1 (k1): the key must be 32 bytes, base64-encoded (it is 5)');
    expect(() => DataKeyRing.parse(`${k1},${k1}`)).toThrow('key id "k1" appears twice');
    try {
      DataKeyRing.parse(`oops ${k1}`);
    } catch (e) {
      expect((e as Error).message).toBe('entry 1 is not kid:base64key');
    }
  });

  it('normalises phones and e-mails before matching', () => {
    expect(normaliseContact('phone', '+86 139-1234-5678')).toBe('13912345678');
    expect(normaliseContact('email', ' Li.Lei@Example.COM ')).toBe('li.lei@example.com');
  });
});

describe('progress tokens', () => {
  it('name the mention they were issued for and nothing else', async () => {
    const { progressToken, readProgressToken } = await import('./progress-token');
    const ring = DataKeyRing.parse(k1);
    const id = 'a'.repeat(32);
    const t = progressToken(ring, id);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(progressToken(ring, id)).toBe(t);
    expect(readProgressToken(ring, t)).toBe(id);
    expect(readProgressToken(DataKeyRing.parse(k2), t)).toBeUndefined();
    const forged = Buffer.from(t, 'base64url');
    forged[0] ^= 1;
    expect(readProgressToken(ring, forged.toString('base64url'))).toBeUndefined();
    expect(readProgressToken(ring, 'x')).toBeUndefined();
  });
});
