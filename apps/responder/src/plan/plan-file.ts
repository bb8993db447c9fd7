import fs from 'node:fs';
import { formatPlanErrors, parsePlan, planHash, type Plan, type PlanError } from '@vigil/plan';

export class PlanFileError extends Error {}

export type PlanFileResult = { ok: true; plan: Plan; text: string; hash: string } | { ok: false; errors: PlanError[]; text?: string; hash?: string };

/**
 * The one place a plan file is read (the responder at start and on change, `vigil plan
 * validate`): its text, parsed and validated, with every problem by line and field.
 */
export function readPlanFile(file: string): PlanFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ file, line: 1, column: 1, path: '', message: `cannot read: ${(e as Error).message}` }] };
  }
  const r = parsePlan(text, file);
  return r.ok ? { ok: true, plan: r.plan, text, hash: planHash(text) } : { ok: false, errors: r.errors, text, hash: planHash(text) };
}

/** For a start that must not go on with a bad plan: throws every `file:line:col path: message` line. */
export function readPlanFileSync(file: string): { plan: Plan; text: string; hash: string } {
  const r = readPlanFile(file);
  if (r.ok) return r;
  if (r.text === undefined) throw new PlanFileError(formatPlanErrors(r.errors));
  throw new PlanFileError(`invalid contingency plan:\n${formatPlanErrors(r.errors)}`);
}
