import { formatPlanErrors, type Plan } from '@vigil/plan';
import { readPlanFile } from '@vigil/responder';

/**
 * `vigil plan validate <file>`: 0 when the plan is valid, 1 otherwise (errors as
 * file:line:col path: message). The same reading and validation as the responder's, and as
 * the api's check of an edit in the dashboard (parsePlan).
 */
export async function runPlanValidate(file: string, out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const r = readPlanFile(file);
  if (!r.ok) {
    err(formatPlanErrors(r.errors));
    err(`${r.errors.length} error(s) in ${file}`);
    return 1;
  }
  out(`OK ${file}: ${summarize(r.plan)}`);
  return 0;
}

export function summarize(plan: Plan): string {
  return [
    `"${plan.name}"`,
    `${plan.triggers.length} triggers`,
    `${Object.keys(plan.roles).length} roles`,
    `${plan.escalation.length} escalation steps`,
    `${plan.notifications.webhooks.length} webhooks`,
    `time zone ${plan.calendar.timeZone}`,
    `tickets open at ${plan.opening.minLevel} or above`,
  ].join(', ');
}
