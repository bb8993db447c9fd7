import { describe, expect, it } from 'vitest';
import { checkEventTime } from './event-time';

const policy = { maxFutureMs: 5 * 60_000, oldAfterMs: 72 * 3_600_000 };
const NOW = new Date('2026-12-06T12:00:00Z');
const FETCHED = '2026-12-06T11:59:00.000Z';

describe('checkEventTime (issue 20: event-time hygiene)', () => {
  it('takes an ordinary post at its word', () => {
    expect(checkEventTime('2026-12-06T11:30:00.000Z', FETCHED, NOW, policy)).toEqual({ publishedAt: '2026-12-06T11:30:00.000Z' });
    // A little ahead (clock skew within the allowance) is fine too.
    expect(checkEventTime('2026-12-06T12:03:00.000Z', FETCHED, NOW, policy).note).toBeUndefined();
  });

  it('clamps a post dated 9999-12-31 to its collection time and says why', () => {
    const r = checkEventTime('9999-12-31T23:59:59.000Z', FETCHED, NOW, policy);
    expect(r.publishedAt).toBe(FETCHED);
    expect(r.note).toMatchObject({ kind: 'future', claimedAt: '9999-12-31T23:59:59.000Z' });
    expect(r.note!.reason).toMatch(/^dated 79\d\d years after it was collected \(more than 5 minutes ahead\)/);
  });

  it('does not trust a collection time that is itself in the future', () => {
    const r = checkEventTime('2027-06-01T00:00:00.000Z', '2027-06-01T00:00:00.000Z', NOW, policy);
    expect(r.publishedAt).toBe('2026-12-06T12:05:00.000Z');
    expect(r.note?.kind).toBe('future');
  });

  it('marks a post collected long after it was published as old, keeping its time', () => {
    const r = checkEventTime('2019-05-01T00:00:00.000Z', FETCHED, NOW, policy);
    expect(r).toMatchObject({ publishedAt: '2019-05-01T00:00:00.000Z', note: { kind: 'old' } });
    expect(r.note!.reason).toMatch(/^published 8 years before it was collected/);
  });

  it('judges a replay of history by its own collection times: nothing is old or future', () => {
    expect(checkEventTime('2019-05-01T00:00:00.000Z', '2019-05-01T00:00:00.000Z', NOW, policy).note).toBeUndefined();
  });
});
