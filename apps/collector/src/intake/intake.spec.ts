import { describe, expect, it } from 'vitest';
import { IntakeMessage, mentionId, RawMention } from '@vigil/contracts';
import { DataKeyRing } from '@vigil/common';
import { createIntakeKey, matchIntakeKey, parseIntakeKeys } from './intake-keys';
import { intakeToRawMention, maskName, NoDataKeyError } from './accept-intake.usecase';

describe('intake keys', () => {
  it('admits a created key by its name and nothing else', () => {
    const a = createIntakeKey('web-form');
    const b = createIntakeKey('hotline');
    const keys = parseIntakeKeys(`${a.entry}, ${b.entry}`);
    expect(matchIntakeKey(a.key, keys)).toBe('web-form');
    expect(matchIntakeKey(b.key, keys)).toBe('hotline');
    expect(matchIntakeKey(a.key + 'x', keys)).toBeUndefined();
    expect(matchIntakeKey(a.entry.split(':')[1], keys)).toBeUndefined();
    expect(matchIntakeKey(undefined, keys)).toBeUndefined();
  });

  it('refuses a malformed entry without printing it', () => {
    expect(() => parseIntakeKeys('form:abc')).toThrow(/^entry 1 is not name:sha256hex/);
    const e = createIntakeKey('x').entry;
    expect(() => parseIntakeKeys(`${e},${e}`)).toThrow(/"x" appears twice/);
  });
});

describe('intakeToRawMention', () => {
  const msg = IntakeMessage.parse({ id: 'F-1', text: '老人等了两个小时，请尽快回电', time: '2026-11-23T08:00:00+08:00', contact: { phone: '13800138000' }, author: { name: '孙女士' } });

  const ring = DataKeyRing.parse(DataKeyRing.generateEntry('k1'));

  it('derives the id from the channel source and the caller id; name and contact are sealed, never in the text', () => {
    const m = RawMention.parse(intakeToRawMention('hotline', msg, 'desk', '2026-11-23T00:01:00.000Z', ring));
    expect(m.id).toBe(mentionId('intake-hotline', 'F-1'));
    expect(m).toMatchObject({ sourceType: 'intake', channel: 'hotline', externalId: 'F-1', meta: { intakeKey: 'desk', hasContact: true }, author: { name: '孙**' } });
    expect(m.text).toBe('老人等了两个小时，请尽快回电');
    expect(JSON.stringify(m)).not.toContain('138');
    expect(m.contact!.matchKeys).toEqual([ring.match('phone', '13800138000')]);
    expect(ring.open(m.contact!.box, `contact:${m.id}`)).toEqual({ name: '孙女士', phone: '13800138000' });
  });

  it('refuses a contact it cannot seal; keeps a name alone masked', () => {
    expect(() => intakeToRawMention('hotline', msg, 'desk', '2026-11-23T00:01:00.000Z')).toThrow(NoDataKeyError);
    const nameOnly = intakeToRawMention('hotline', { ...msg, contact: undefined }, 'desk', '2026-11-23T00:01:00.000Z');
    expect(nameOnly.author).toEqual({ name: '孙**' });
    expect(nameOnly.contact).toBeUndefined();
    expect([maskName('Jane Doe'), maskName('王')]).toEqual(['J*******', '*']);
  });

  it('masks personal data the customer typed into the text, and says which kinds (issue 20, item 11)', () => {
    const typed = intakeToRawMention('form', { ...msg, text: '请回电 13900139000', contact: undefined, author: undefined }, 'desk', '2026-11-23T00:01:00.000Z');
    expect(typed.text).toBe('请回电 139****9000');
    expect(typed.piiKinds).toEqual(['phone']);
  });

  it('accepts only phone formats the masker recognises', () => {
    const bad = IntakeMessage.safeParse({ ...msg, contact: { phone: '12345' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['contact', 'phone']);
    expect(IntakeMessage.safeParse({ ...msg, contact: { phone: '+44 20 7946 0958' } }).success).toBe(true);
  });
});
