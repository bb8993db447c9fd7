import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeFile } from './knowledge-file';
import { defaultPlan } from '../../../../test/support/plan-fixtures';

const seeds = path.resolve(__dirname, '../../../../demo/knowledge.yaml');

describe('the knowledge file', () => {
  it('the shipped seeds pass the checks of a save under the default plan, in several categories and levels, zh and en', () => {
    const entries = loadKnowledgeFile(seeds, defaultPlan().authority.frontlineMoneyLimit);
    expect(new Set(entries.map((e) => e.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(entries.flatMap((e) => e.levels)).size).toBe(4);
    expect(entries.some((e) => e.kind === 'reply') && entries.some((e) => e.kind === 'remedy' && e.authority === 'lead')).toBe(true);
    expect(entries.every((e) => e.text.zh && e.text.en)).toBe(true);
  });

  it('an unknown placeholder or a front-line entry above the limit is refused with its line', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-')), 'kb.yaml');
    fs.writeFileSync(file, fs.readFileSync(seeds, 'utf8').replace('{customer}您好，我是客服{agent}', '{customer}您好，我是客服{agentName}').replace(/(id: remedy-refund-large[\s\S]*?authority: )lead/, '$1frontline'));
    expect(() => loadKnowledgeFile(file, 500)).toThrow(/kb\.yaml:\d+:\d+ entries\.0\.text\.zh: unknown placeholder \{agentName\}[\s\S]*entries\.4\.authority: 800 CNY is above/);
  });
});
