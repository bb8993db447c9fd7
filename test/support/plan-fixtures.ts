import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlan, type Plan } from '@vigil/plan';

export { signalFactory as makeSignal, action } from './signal-factory';

/** The bundled plan's text, for the plan's unit tests (libs/plan itself reads no file). */
export const DEFAULT_PLAN_TEXT = readFileSync(resolve(__dirname, '../../libs/plan/default-plan.yaml'), 'utf8');

export function defaultPlan(): Plan {
  const r = parsePlan(DEFAULT_PLAN_TEXT, 'default-plan.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

export const at = (iso: string) => new Date(iso);
export const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
