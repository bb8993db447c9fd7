import { maxSeverity, severityRank, type SeverityLevel, type Signal, type SlaTarget } from '@vigil/contracts';
import type { NumberCondition, Plan, SetCondition, SignalCondition } from './plan.schema';

export interface TriggerResult {
  /** The level the plan assigns the signal: the detector's (if the plan uses it) raised by every matching trigger. */
  level: SeverityLevel;
  matched: string[];
  escalateImmediately: boolean;
  /** Roles to tell at once, from the matching triggers (and the level's notify list). */
  notify: string[];
  /** The tightest target override (minutes) among the matching triggers. */
  slaOverrides: Partial<Record<SlaTarget, number>>;
}

/** What the responder knows about a signal beyond the signal itself. */
export interface SignalContext {
  /** Earlier complaints of the same person or order (single complaints only). */
  repeatComplaints?: number;
}

/** Maps a signal to a level through the plan's triggers. Pure; the plan is data, never code. */
export function evaluateTriggers(plan: Plan, signal: Signal, ctx: SignalContext = {}, startAt?: SeverityLevel): TriggerResult {
  let level: SeverityLevel = startAt ?? (plan.opening.useSignalSeverity ? signal.severity.level : 'general');
  const matched: string[] = [];
  const notify = new Set<string>();
  const slaOverrides: Partial<Record<SlaTarget, number>> = {};
  let escalateImmediately = false;
  for (const t of plan.triggers) {
    if (!matchesCondition(t.when, signal, plan, ctx)) continue;
    matched.push(t.id);
    level = maxSeverity(level, t.level);
    escalateImmediately ||= t.escalateImmediately;
    t.notify.forEach((r) => notify.add(r));
    for (const [target, minutes] of Object.entries(t.sla ?? {}) as [SlaTarget, number | undefined][]) {
      if (minutes !== undefined) slaOverrides[target] = Math.min(slaOverrides[target] ?? Infinity, minutes);
    }
  }
  plan.levels[level].notify.forEach((r) => notify.add(r));
  return { level, matched, escalateImmediately, notify: [...notify], slaOverrides };
}

/** All fields of one condition must hold (AND); `anyOf` gives OR, `not` negates. */
export function matchesCondition(c: SignalCondition, s: Signal, plan: Plan, ctx: SignalContext = {}): boolean {
  const m = s.metrics;
  const checks: (() => boolean)[] = [];
  if (c.kind) checks.push(() => c.kind!.includes(s.kind));
  if (c.level) checks.push(() => matchLevel(c.level!, s.severity.level));
  if (c.score) checks.push(() => matchNumber(c.score!, s.severity.score));
  if (c.factors) {
    for (const [name, fc] of Object.entries(c.factors)) {
      if (!fc) continue;
      checks.push(() => {
        const f = s.severity.factors.find((x) => x.factor === name);
        if (!f) return false;
        return (!fc.value || matchNumber(fc.value, f.value)) && (!fc.contribution || matchNumber(fc.contribution, f.contribution));
      });
    }
  }
  if (c.riskCues) checks.push(() => matchSet(c.riskCues!, s.riskCues));
  if (c.size) checks.push(() => matchNumber(c.size!, m.size));
  if (c.distinctAuthors) checks.push(() => matchNumber(c.distinctAuthors!, m.distinctAuthors));
  if (c.velocityPerHour) checks.push(() => matchNumber(c.velocityPerHour!, m.velocityPerHour));
  if (c.reach) checks.push(() => matchNumber(c.reach!, m.reach));
  // An unknown amount never satisfies a money rule: absence is not evidence.
  if (c.maxMoney) checks.push(() => m.maxMoney !== undefined && matchNumber(c.maxMoney!, m.maxMoney));
  if (c.aboveFrontlineAuthority !== undefined) {
    checks.push(() => ((m.maxMoney ?? 0) > plan.authority.frontlineMoneyLimit) === c.aboveFrontlineAuthority);
  }
  if (c.channels) checks.push(() => matchSet(c.channels!, s.channels));
  if (c.categories) checks.push(() => matchSet(c.categories!, s.categories));
  if (c.places) checks.push(() => matchSet(c.places!, s.places));
  if (c.products) checks.push(() => matchSet(c.products!, s.products));
  if (c.repeatComplaints) checks.push(() => ctx.repeatComplaints !== undefined && matchNumber(c.repeatComplaints!, ctx.repeatComplaints));
  if (c.groupComplaint !== undefined) {
    const g = c.groupComplaint;
    checks.push(() => {
      const flagged = s.kind === 'group_complaint' || s.groupComplaint !== undefined;
      if (typeof g === 'boolean') return flagged === g;
      return s.groupComplaint !== undefined && g.includes(s.groupComplaint.nature);
    });
  }
  if (c.anyOf) checks.push(() => c.anyOf!.some((sub) => matchesCondition(sub, s, plan, ctx)));
  if (c.not) checks.push(() => !matchesCondition(c.not!, s, plan, ctx));
  return checks.every((f) => f());
}

export function matchNumber(c: NumberCondition, v: number): boolean {
  return (
    (c.gt === undefined || v > c.gt) &&
    (c.gte === undefined || v >= c.gte) &&
    (c.lt === undefined || v < c.lt) &&
    (c.lte === undefined || v <= c.lte) &&
    (c.eq === undefined || v === c.eq)
  );
}

export function matchSet(c: SetCondition, values: readonly string[]): boolean {
  const has = new Set(values);
  return (
    (!c.any || c.any.some((x) => has.has(x))) && (!c.all || c.all.every((x) => has.has(x))) && (!c.none || !c.none.some((x) => has.has(x)))
  );
}

function matchLevel(c: SeverityLevel[] | { gte?: SeverityLevel; lte?: SeverityLevel }, level: SeverityLevel): boolean {
  if (Array.isArray(c)) return c.includes(level);
  const r = severityRank(level);
  return (c.gte === undefined || r >= severityRank(c.gte)) && (c.lte === undefined || r <= severityRank(c.lte));
}

/** True when some trigger of the plan reads the complaint history (the responder looks it up only then). */
export function planReadsHistory(plan: Plan): boolean {
  const reads = (c: SignalCondition): boolean => !!c.repeatComplaints || !!c.anyOf?.some(reads) || (!!c.not && reads(c.not));
  return plan.triggers.some((t) => reads(t.when));
}
