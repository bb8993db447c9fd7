import type { PostFacts, Signal } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { parsePlan } from './parse-plan';
import { DEFAULT_PLAN_TEXT, defaultPlan, makeSignal } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');
const MIN = 60_000;

function post(over: Partial<PostFacts> = {}): PostFacts {
  return {
    mentionId: 'a'.repeat(32),
    sourceId: 'weibo',
    sourceType: 'rss',
    channel: 'social',
    publishedAt: t0.toISOString(),
    text: '我要找你们经理',
    language: 'zh',
    sentiment: -0.7,
    emotion: { level: 'angry', intensity: 0.8 },
    orderIds: [],
    money: [],
    products: [],
    places: [],
    cues: [],
    ...over,
  };
}

/** A single-post signal as the detector emits it: its cues on the signal and, with their confidence, on the post. */
function single(cues: { kind: Signal['riskCues'][number]; confidence?: number }[], over: Partial<Signal> = {}, postOver: Partial<PostFacts> = {}): Signal {
  return makeSignal({
    id: 'risk_flag:mention:aaa',
    kind: 'risk_flag',
    key: 'mention:aaa',
    clusterId: undefined,
    // The detector's own severity for one post is not what the plan goes by.
    severity: { level: 'major', score: 90 },
    metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0 },
    riskCues: cues.map((c) => c.kind),
    channels: ['social'],
    post: post({ cues: cues.map((c) => ({ kind: c.kind, evidence: c.kind, confidence: c.confidence })), ...postOver }),
    ...over,
  });
}

function open(s: Signal, ctx = {}) {
  const d = decideOnSignal(plan, s, undefined, undefined, t0, ctx);
  if (d.type !== 'open') throw new Error(`expected open, got ${d.type}: ${'reason' in d ? d.reason : ''}`);
  return openTicket(plan, d, 'CR-2026-000009', t0).ticket;
}

const deadlineMinutes = (iso: string | undefined) => (Date.parse(iso!) - t0.getTime()) / MIN;

describe('single complaints (opening.singlePost)', () => {
  it('a manager request opens an important ticket: 30 minutes to handle, 1 hour to reply, the lead told at once', () => {
    const t = open(single([{ kind: 'manager_request', confidence: 0.9 }]));
    expect(t).toMatchObject({ level: 'important', triggers: ['manager-request'], incidentKey: 'mention:aaa' });
    expect(deadlineMinutes(t.slaDeadlines.acknowledge)).toBe(30);
    expect(deadlineMinutes(t.slaDeadlines.firstResponse)).toBe(60);
    expect(t.escalations.map((e) => e.stepId)).toEqual(['immediate']);
  });

  it('medical or exam urgency: urgent, 10 minutes to first handling', () => {
    const t = open(single([{ kind: 'medical_or_exam', confidence: 0.8 }]));
    expect(t.level).toBe('urgent');
    expect(deadlineMinutes(t.slaDeadlines.acknowledge)).toBe(10);
  });

  it('an amount above the front line, a media threat, a regulator, a vulnerable person each open at their level', () => {
    expect(open(single([], { metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: 0, maxMoney: 800 } })).triggers).toEqual(['above-frontline-authority']);
    expect(open(single([{ kind: 'media', confidence: 0.9 }]))).toMatchObject({ level: 'urgent', triggers: ['media-attention'] });
    expect(open(single([{ kind: 'regulator', confidence: 0.9 }]))).toMatchObject({ level: 'urgent', triggers: ['regulator-or-legal'] });
    expect(open(single([{ kind: 'vulnerable_person', confidence: 0.9 }]))).toMatchObject({ level: 'urgent', triggers: ['vulnerable-person'] });
  });

  it('a repeat complaint opens from the text or from the history the responder counted', () => {
    expect(open(single([{ kind: 'repeat_complaint' }])).triggers).toEqual(['repeat-complaint']);
    expect(decideOnSignal(plan, single([]), undefined, undefined, t0)).toMatchObject({ type: 'ignore' });
    expect(open(single([]), { repeatComplaints: 2 })).toMatchObject({ level: 'important', triggers: ['repeat-complaint'] });
  });

  it('a pushed complaint opens at general (30 / 60 minutes) with no cue at all', () => {
    const t = open(single([], { channels: ['form'] }, { channel: 'form' }));
    expect(t).toMatchObject({ level: 'general', triggers: ['pushed-complaint'], escalations: [] });
    expect(deadlineMinutes(t.slaDeadlines.acknowledge)).toBe(30);
    expect(deadlineMinutes(t.slaDeadlines.firstResponse)).toBe(60);
  });

  it('an unsure cue does not open a ticket alone, and a post with no single-post trigger does not either', () => {
    expect(decideOnSignal(plan, single([{ kind: 'manager_request', confidence: 0.4 }]), undefined, undefined, t0)).toMatchObject({
      type: 'ignore',
      reason: 'a single complaint opens a ticket only through a single-post trigger (matched: none)',
    });
    // Money below the front line's limit and a compensation demand: the front line handles it without a ticket.
    const small = single([{ kind: 'compensation_demand', confidence: 0.9 }], { metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: 0, maxMoney: 120 } });
    expect(decideOnSignal(plan, small, undefined, undefined, t0).type).toBe('ignore');
  });

  it('is configured per plan: without singlePost a single post follows the opening level as before', () => {
    const r = parsePlan(DEFAULT_PLAN_TEXT.replace(/ {2}singlePost:\n {4}triggers: \[[^\]]*\]\n {4}minCueConfidence: 0.6\n/, ''));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.opening.singlePost).toBeUndefined();
    // The detector's "major" severity opens it; with singlePost this pushed complaint would be general.
    const d = decideOnSignal(r.plan, single([], { channels: ['form'] }, { channel: 'form' }), undefined, undefined, t0);
    expect(d).toMatchObject({ type: 'open', level: 'major' });
  });

  it('a plan naming an unknown single-post trigger is refused with its line', () => {
    const r = parsePlan(DEFAULT_PLAN_TEXT.replace('triggers: [manager-request,', 'triggers: [manager-requests,'), 'p.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'opening.singlePost.triggers.0', message: expect.stringMatching(/^unknown trigger "manager-requests"/) });
  });
});
