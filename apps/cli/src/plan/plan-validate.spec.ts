import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanValidate } from './plan-validate';

const DEFAULT_PLAN = resolve(__dirname, '../../../../libs/plan/default-plan.yaml');

describe('vigil plan validate', () => {
  it('prints OK with a summary for the default plan', async () => {
    const out: string[] = [];
    expect(await runPlanValidate(DEFAULT_PLAN, (l) => out.push(l), () => {})).toBe(0);
    expect(out.join('\n')).toMatch(/^OK .*\d+ triggers, 6 roles/);
  });

  it('prints each error with line:column and field path and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-plan-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 2\nname: x\n');
    const err: string[] = [];
    expect(await runPlanValidate(file, () => {}, (l) => err.push(l))).toBe(1);
    expect(err.join('\n')).toContain(`${file}:1:10 version:`);
  });

  it('reports an unreadable file', async () => {
    const err: string[] = [];
    expect(await runPlanValidate('/nonexistent/plan.yaml', () => {}, (l) => err.push(l))).toBe(1);
    expect(err.join('\n')).toContain('cannot read');
  });
});
