import { formatYamlIssues, parseYamlWithSchema, type YamlCheckProblem, type YamlIssue } from '@vigil/contracts';
import { Plan } from './plan.schema';
import { checkTemplateRendersJson, templatePlaceholders, TEMPLATE_FIELDS, type TemplateField } from './templates';

/** A problem in a plan: file, line, column, dotted field path and message. */
export type PlanError = YamlIssue;

export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };

type Path = (string | number)[];

/** `file:line:col path: message`, the form terminals and editors turn into links. */
export const formatPlanErrors = formatYamlIssues;

/** Parses and validates a plan file's text; every problem names its line and field. */
export function parsePlan(text: string, fileName = 'plan.yaml'): ParsePlanResult {
  const r = parseYamlWithSchema(text, fileName, Plan, crossCheck);
  return r.ok ? { ok: true, plan: r.value } : r;
}

/** Rules zod cannot see field by field: references between sections and unique ids. */
function crossCheck(plan: Plan): YamlCheckProblem[] {
  const out: YamlCheckProblem[] = [];
  const roles = new Set(Object.keys(plan.roles));
  const checkRoles = (list: string[], path: Path) =>
    list.forEach((r, i) => {
      if (!roles.has(r)) out.push({ path: [...path, i], message: `unknown role "${r}" (known: ${[...roles].join(', ')})` });
    });
  const unique = (ids: string[], section: Path) =>
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) out.push({ path: [...section, i, 'id'], message: `duplicate id "${id}"` });
    });

  for (const [level, spec] of Object.entries(plan.levels)) checkRoles(spec.notify, ['levels', level, 'notify']);
  plan.triggers.forEach((t, i) => checkRoles(t.notify, ['triggers', i, 'notify']));
  plan.escalation.forEach((s, i) => {
    checkRoles(s.notify, ['escalation', i, 'notify']);
    if (s.notify.length === 0 && !s.raiseTo && !s.raiseOneLevel) {
      out.push({ path: ['escalation', i], message: 'a step must notify someone or raise the level' });
    }
  });
  for (const [id, team] of Object.entries(plan.teams)) checkRoles(team.roles, ['teams', id, 'roles']);
  checkRoles(plan.privacy.unmaskRoles, ['privacy', 'unmaskRoles']);
  for (const kind of ['daily', 'weekly', 'monthly'] as const) checkRoles(plan.reports[kind].roles, ['reports', kind, 'roles']);
  unique(plan.reports.webhooks.map((w) => w.id), ['reports', 'webhooks']);
  unique(plan.triggers.map((t) => t.id), ['triggers']);
  checkRoles(plan.authority.approverRoles, ['authority', 'approverRoles']);
  checkRoles(plan.privacy.contactRoles, ['privacy', 'contactRoles']);
  checkRoles(plan.promises.notify, ['promises', 'notify']);
  checkRoles(plan.followUp.notifyOverdue, ['followUp', 'notifyOverdue']);
  checkRoles(plan.followUp.lowSatisfaction.notify, ['followUp', 'lowSatisfaction', 'notify']);
  checkRoles(plan.followUp.repeatComplaint.notify, ['followUp', 'repeatComplaint', 'notify']);
  const triggerIds = plan.triggers.map((t) => t.id);
  plan.opening.singlePost?.triggers.forEach((id, i) => {
    if (!triggerIds.includes(id)) out.push({ path: ['opening', 'singlePost', 'triggers', i], message: `unknown trigger "${id}" (known: ${triggerIds.join(', ')})` });
  });
  unique(plan.escalation.map((s) => s.id), ['escalation']);
  unique(plan.notifications.webhooks.map((w) => w.id), ['notifications', 'webhooks']);
  unique(plan.notifications.channels.map((c) => c.id), ['notifications', 'channels']);
  const channelIds = plan.notifications.channels.map((c) => c.id);
  for (const [id, role] of Object.entries(plan.roles)) {
    role.channels.forEach((c, i) => {
      if (!channelIds.includes(c)) out.push({ path: ['roles', id, 'channels', i], message: `unknown channel "${c}" (known: ${channelIds.join(', ') || 'none'})` });
    });
  }
  plan.notifications.channels.forEach((c, i) => {
    if (c.type !== 'email' && !c.url) out.push({ path: ['notifications', 'channels', i], message: `a ${c.type} channel needs the bot's webhook url` });
    if (c.type === 'email' && c.url) out.push({ path: ['notifications', 'channels', i, 'url'], message: 'an email channel sends through the SMTP server of the responder (SMTP_*), not a url' });
  });

  const expected = ['respond_soothe', 'record_facts', 'investigate_cause', 'propose_remedy', 'execute_follow_up', 'review'];
  plan.playbook.forEach((step, i) => {
    if (step.id !== expected[i]) out.push({ path: ['playbook', i, 'id'], message: `step ${i + 1} must be "${expected[i]}"` });
  });

  plan.notifications.webhooks.forEach((w, i) => {
    for (const name of templatePlaceholders(w.body)) {
      if (!TEMPLATE_FIELDS.includes(name as TemplateField)) {
        out.push({ path: ['notifications', 'webhooks', i, 'body'], message: `unknown placeholder {{${name}}} (known: ${TEMPLATE_FIELDS.join(', ')})` });
      }
    }
    const bad = checkTemplateRendersJson(w.body);
    if (bad) out.push({ path: ['notifications', 'webhooks', i, 'body'], message: bad });
  });
  return out;
}
