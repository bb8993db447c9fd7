import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { Plan } from './plan.schema';
import { checkTemplateRendersJson, templatePlaceholders, TEMPLATE_FIELDS, type TemplateField } from './templates';

export interface PlanError {
  file: string;
  /** 1-based, as editors count. */
  line: number;
  column: number;
  /** Dotted field path, e.g. `triggers.2.level`; empty for the whole file. */
  path: string;
  message: string;
}

export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };

type Path = (string | number)[];

/** `file:line:col path: message`, the form terminals and editors turn into links. */
export function formatPlanErrors(errors: PlanError[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path || '(root)'}: ${e.message}`).join('\n');
}

/** Parses and validates a plan file's text; every problem names its line and field. */
export function parsePlan(text: string, fileName = 'plan.yaml'): ParsePlanResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return { file: fileName, line: pos.line, column: pos.col, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const locate = (path: Path, message: string, pointAtKey = false): PlanError => {
    const node = nodeAt(doc, path, pointAtKey);
    const pos = at(node?.range?.[0] ?? 0);
    return { file: fileName, line: pos.line, column: pos.col, path: path.join('.'), message };
  };

  const parsed = Plan.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => {
      const path = issue.path as Path;
      // A typo'd key is reported at the key itself, not at its parent object.
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => locate([...path, k], `unknown field "${k}"`, true));
      if (issue.code === 'invalid_type' && issue.input === undefined) return [locate(path, `missing required field (${issue.message})`)];
      return [locate(path, issue.message)];
    });
    return { ok: false, errors };
  }
  const problems = crossCheck(parsed.data);
  if (problems.length) return { ok: false, errors: problems.map((p) => locate(p.path, p.message)) };
  return { ok: true, plan: parsed.data };
}

/** Rules zod cannot see field by field: references between sections and unique ids. */
function crossCheck(plan: Plan): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  const roles = new Set(Object.keys(plan.roles));
  const checkRoles = (list: string[], path: Path) =>
    list.forEach((r, i) => {
      if (!roles.has(r)) out.push({ path: [...path, i], message: `unknown role "${r}" (known: ${[...roles].join(', ')})` });
    });
  const unique = (ids: string[], section: string) =>
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) out.push({ path: [section, i, 'id'], message: `duplicate id "${id}"` });
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
  unique(plan.triggers.map((t) => t.id), 'triggers');
  unique(plan.escalation.map((s) => s.id), 'escalation');
  unique(plan.notifications.webhooks.map((w) => w.id), 'notifications.webhooks');

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

/** The deepest node along a path; a missing key points at its parent so the line is still useful. */
function nodeAt(doc: Document, rawPath: Path, pointAtKey: boolean): Node | null {
  // crossCheck uses dotted section names such as `notifications.webhooks`.
  const path = rawPath.flatMap<string | number>((p) => (typeof p === 'string' ? p.split('.') : [p]));
  let node = doc.contents as Node | null;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) return node;
      if (pointAtKey && i === path.length - 1) return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
    } else {
      return node;
    }
  }
  return node;
}
