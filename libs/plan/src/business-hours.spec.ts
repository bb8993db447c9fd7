import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, fromLocal, isBusinessTime, zoneOffsetMs } from './business-hours';
import type { Calendar } from './plan.schema';

const cal: Calendar = {
  timeZone: 'Asia/Shanghai',
  hours: { mon: [['09:00', '12:00'], ['13:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] },
  holidays: ['2026-03-04'],
  extraWorkdays: ['2026-03-07'],
};
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zone math', () => {
  it('Shanghai is UTC+8 with no DST', () => {
    expect(zoneOffsetMs(t('2026-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(zoneOffsetMs(t('2026-07-15T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(iso(fromLocal(2026, 3, 2, 9, 0, 'Asia/Shanghai'))).toBe('2026-03-02T01:00:00.000Z');
  });
  it('handles a DST zone on both sides of the change', () => {
    expect(iso(fromLocal(2026, 1, 15, 9, 0, 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(fromLocal(2026, 7, 15, 9, 0, 'America/New_York'))).toBe('2026-07-15T13:00:00.000Z');
  });
});

describe('business-hours calendar (Asia/Shanghai)', () => {
  it.each([
    // [start, minutes, expected] — times in UTC; 01:00Z = 09:00 local.
    ['within one window', '2026-03-02T01:00:00Z', 60, '2026-03-02T02:00:00.000Z'],
    ['across the lunch break', '2026-03-02T03:30:00Z', 60, '2026-03-02T05:30:00.000Z'],
    ['starting before opening', '2026-03-01T22:00:00Z', 30, '2026-03-02T01:30:00.000Z'],
    ['overnight to the next day', '2026-03-02T09:30:00Z', 60, '2026-03-03T01:30:00.000Z'],
    ['skipping a holiday (Wed 4 Mar)', '2026-03-03T09:45:00Z', 30, '2026-03-05T01:15:00.000Z'],
    ['Friday evening to the Saturday make-up day', '2026-03-06T09:50:00Z', 20, '2026-03-07T01:10:00.000Z'],
    ['Saturday make-up day runs out to Monday', '2026-03-07T09:30:00Z', 60, '2026-03-09T01:30:00.000Z'],
  ])('%s', (_name, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(cal, t(start), minutes))).toBe(expected);
  });

  it('counts business minutes between two instants', () => {
    expect(businessMinutesBetween(cal, t('2026-03-02T00:00:00Z'), t('2026-03-02T12:00:00Z'))).toBe(480);
    expect(businessMinutesBetween(cal, t('2026-03-03T09:00:00Z'), t('2026-03-05T02:00:00Z'))).toBe(120); // Tue 17-18 + Thu 09-10
    expect(businessMinutesBetween(cal, t('2026-03-05T02:00:00Z'), t('2026-03-03T09:00:00Z'))).toBe(0);
  });

  it('knows when it is business time', () => {
    expect(isBusinessTime(cal, t('2026-03-02T04:30:00Z'))).toBe(false); // 12:30 lunch
    expect(isBusinessTime(cal, t('2026-03-02T05:30:00Z'))).toBe(true);
    expect(isBusinessTime(cal, t('2026-03-04T02:00:00Z'))).toBe(false); // holiday
    expect(isBusinessTime(cal, t('2026-03-08T02:00:00Z'))).toBe(false); // Sunday
  });
});
