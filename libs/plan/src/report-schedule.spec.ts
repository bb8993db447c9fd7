import { describe, expect, it } from 'vitest';
import { latestDue, periodBetween, periodDueOn } from './report-schedule';
import { defaultPlan } from '../../../test/support/plan-fixtures';

// The default plan: Asia/Shanghai, Monday to Friday, 2026-10-01…07 holidays (10-03/04 a weekend).
const plan = defaultPlan();
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('report schedule on the business calendar', () => {
  it('daily: Monday covers Friday to Sunday, Tuesday covers Monday; none on weekends', () => {
    expect(periodDueOn(plan, 'daily', { y: 2026, m: 3, d: 9 })).toEqual({ kind: 'daily', from: sh('2026-03-06T00:00:00'), to: sh('2026-03-09T00:00:00'), dueAt: sh('2026-03-09T09:00:00'), label: '2026-03-06 – 2026-03-08' });
    expect(periodDueOn(plan, 'daily', { y: 2026, m: 3, d: 10 })).toMatchObject({ from: sh('2026-03-09T00:00:00'), to: sh('2026-03-10T00:00:00'), label: '2026-03-09' });
    expect(periodDueOn(plan, 'daily', { y: 2026, m: 3, d: 7 })).toBeUndefined();
  });

  it('the National Day holidays are covered by the next business day', () => {
    // 2026-09-30 is a Wednesday; 10-01, 02, 05, 06, 07 are holidays; 10-08 is the next business day.
    expect(periodDueOn(plan, 'daily', { y: 2026, m: 10, d: 1 })).toBeUndefined();
    expect(periodDueOn(plan, 'daily', { y: 2026, m: 10, d: 8 })).toMatchObject({ from: sh('2026-09-30T00:00:00'), to: sh('2026-10-08T00:00:00') });
  });

  it('weekly on the first business day of the week, monthly on the first of the month', () => {
    expect(periodDueOn(plan, 'weekly', { y: 2026, m: 3, d: 9 })).toMatchObject({ from: sh('2026-03-02T00:00:00'), to: sh('2026-03-09T00:00:00'), label: '2026-03-02 – 2026-03-08' });
    expect(periodDueOn(plan, 'weekly', { y: 2026, m: 3, d: 10 })).toBeUndefined();
    // The week of 10-05 starts with holidays: its weekly report is made on Thursday 10-08.
    expect(periodDueOn(plan, 'weekly', { y: 2026, m: 10, d: 5 })).toBeUndefined();
    expect(periodDueOn(plan, 'weekly', { y: 2026, m: 10, d: 8 })).toMatchObject({ from: sh('2026-09-28T00:00:00'), to: sh('2026-10-05T00:00:00') });
    // 2026-02-01 is a Sunday: February's first business day is Monday the 2nd.
    expect(periodDueOn(plan, 'monthly', { y: 2026, m: 2, d: 1 })).toBeUndefined();
    expect(periodDueOn(plan, 'monthly', { y: 2026, m: 2, d: 2 })).toMatchObject({ from: sh('2026-01-01T00:00:00'), to: sh('2026-02-01T00:00:00'), label: '2026-01' });
    expect(periodDueOn(plan, 'monthly', { y: 2026, m: 1, d: 2 })).toMatchObject({ from: sh('2025-12-01T00:00:00'), label: '2025-12' });
  });

  it('the latest report due by now, not before its time of day; off when disabled', () => {
    expect(latestDue(plan, 'daily', new Date(sh('2026-03-10T08:59:00')))).toMatchObject({ label: '2026-03-06 – 2026-03-08' });
    expect(latestDue(plan, 'daily', new Date(sh('2026-03-10T09:00:00')))).toMatchObject({ label: '2026-03-09' });
    expect(latestDue(plan, 'weekly', new Date(sh('2026-03-14T12:00:00')))).toMatchObject({ label: '2026-03-02 – 2026-03-08' });
    expect(latestDue({ ...plan, reports: { ...plan.reports, weekly: { ...plan.reports.weekly, enabled: false } } }, 'weekly', new Date())).toBeUndefined();
  });

  it('a period named by dates, the last one inclusive; reversed or malformed dates are refused', () => {
    expect(periodBetween(plan, 'weekly', '2026-03-02', '2026-03-08')).toMatchObject({ from: sh('2026-03-02T00:00:00'), to: sh('2026-03-09T00:00:00'), label: '2026-03-02 – 2026-03-08' });
    expect(() => periodBetween(plan, 'weekly', '2026-03-08', '2026-03-02')).toThrow(/before/);
    expect(() => periodBetween(plan, 'weekly', '2026/03/02', '2026-03-08')).toThrow(/expected a date/);
  });
});
