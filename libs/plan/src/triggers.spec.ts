import { describe, expect, it } from 'vitest';
import { defaultPlan, makeSignal } from '../../../test/support/plan-fixtures';
import { evaluateTriggers, matchesCondition } from './triggers';

const plan = defaultPlan();

describe('evaluateTriggers with the default plan', () => {
  it.each([
    { name: 'plain complaint', signal: makeSignal(), level: 'general', immediate: false, matched: [] },
    { name: 'manager request', signal: makeSignal({ riskCues: ['manager_request'] }), level: 'important', immediate: true, matched: ['manager-request'] },
    { name: 'amount above 500', signal: makeSignal({ metrics: { maxMoney: 800 } }), level: 'important', immediate: true, matched: ['above-frontline-authority'] },
    { name: 'amount of exactly 500', signal: makeSignal({ metrics: { maxMoney: 500 } }), level: 'general', immediate: false, matched: [] },
    { name: 'vulnerable person', signal: makeSignal({ riskCues: ['vulnerable_person'] }), level: 'urgent', immediate: true, matched: ['vulnerable-person'] },
    { name: 'media attention', signal: makeSignal({ riskCues: ['media'] }), level: 'urgent', immediate: true, matched: ['media-attention'] },
    { name: 'possible group complaint', signal: makeSignal({ kind: 'group_complaint', groupComplaint: { nature: 'organic', concentration: [], explanation: '' } }), level: 'urgent', immediate: true, matched: ['possible-group-complaint'] },
    {
      name: 'group complaint with media and money',
      signal: makeSignal({ kind: 'group_complaint', riskCues: ['media'], metrics: { distinctAuthors: 6, maxMoney: 900 } }),
      level: 'major',
      immediate: true,
      matched: ['above-frontline-authority', 'media-attention', 'possible-group-complaint', 'group-complaint-in-public'],
    },
    { name: 'detector level kept when higher', signal: makeSignal({ severity: { level: 'urgent' } }), level: 'urgent', immediate: false, matched: [] },
  ])('$name → $level', ({ signal, level, immediate, matched }) => {
    const r = evaluateTriggers(plan, signal);
    expect(r.level).toBe(level);
    expect(r.escalateImmediately).toBe(immediate);
    expect(r.matched).toEqual(matched);
  });

  it('medical or exam cases get a 10-minute first handling target', () => {
    const r = evaluateTriggers(plan, makeSignal({ riskCues: ['medical_or_exam'] }));
    expect(r.slaOverrides.acknowledge).toBe(10);
    expect(r.level).toBe('urgent');
    expect(r.notify).toContain('duty_officer');
  });
});

describe('matchesCondition', () => {
  const s = makeSignal({
    kind: 'burst',
    riskCues: ['media', 'legal'],
    channels: ['weibo', 'douyin'],
    severity: { level: 'important', score: 64, factors: [{ factor: 'money', value: 800, contribution: 12, note: '' }] },
  });
  it.each([
    [{ kind: ['burst'] }, true],
    [{ kind: ['cluster_new'] }, false],
    [{ riskCues: { all: ['media', 'legal'] } }, true],
    [{ riskCues: { all: ['media', 'regulator'] } }, false],
    [{ riskCues: { none: ['legal'] } }, false],
    [{ channels: { any: ['douyin'] } }, true],
    [{ level: { gte: 'important' } }, true],
    [{ level: { gte: 'urgent' } }, false],
    [{ level: ['general', 'important'] }, true],
    [{ score: { gt: 60, lte: 64 } }, true],
    [{ score: { gt: 64 } }, false],
    [{ factors: { money: { contribution: { gte: 10 } } } }, true],
    [{ factors: { reach: { value: { gte: 0 } } } }, false],
    [{ maxMoney: { gt: 0 } }, false],
    [{ anyOf: [{ kind: ['cluster_new'] }, { channels: { any: ['weibo'] } }] }, true],
    [{ not: { kind: ['burst'] } }, false],
    [{ kind: ['burst'], riskCues: { any: ['regulator'] } }, false],
  ] as const)('%j → %s', (cond, expected) => {
    expect(matchesCondition(cond as never, s, plan)).toBe(expected);
  });
});
