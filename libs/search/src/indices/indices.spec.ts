import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICES, READERS, type StoredIndex } from './index';

// The folder is the map of what Vigil stores: every file is registered, and the README
// table names every document with its index and writer.
const here = __dirname;
const files = fs.readdirSync(here).filter((f) => f.endsWith('.index.ts'));
const readme = fs.readFileSync(path.join(here, 'README.md'), 'utf8');
const isStoredIndex = (v: unknown): v is StoredIndex => typeof v === 'object' && v !== null && 'definition' in v && 'schema' in v;

describe('indices/', () => {
  it('registers every stored index and reader its files export', async () => {
    const indices = new Set<unknown>(Object.values(INDICES));
    const readers = new Set<unknown>(READERS);
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(here, file))) as Record<string, unknown>;
      const exported = Object.entries(mod);
      expect(exported.filter(([, v]) => isStoredIndex(v)).map(([, v]) => indices.has(v)), file).toEqual([true]);
      expect(exported.filter(([k]) => k.endsWith('Reader')).map(([k, v]) => [k, readers.has(v)]), file).toEqual([[expect.any(String), true]]);
    }
    expect(files).toHaveLength(Object.keys(INDICES).length);
  });

  it('gives every document its own index, and the README a row with its name, file and writer', () => {
    const names = Object.values(INDICES).map((i) => i.name(''));
    expect(new Set(names).size).toBe(names.length);
    const rows = readme.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| document'));
    expect(rows).toHaveLength(names.length);
    for (const [, index] of Object.entries(INDICES)) {
      const row = rows.find((r) => r.startsWith(`| ${index.document} |`));
      expect(row, index.document).toBeDefined();
      const [, , name, file, writer] = row!.split('|').map((c) => c.trim());
      expect(name.startsWith(`\`${index.name('')}\``), index.document).toBe(true);
      expect(files).toContain(file.replaceAll('`', ''));
      expect(writer).toBe(index.writer);
    }
  });

  it('names indices under the prefix, mentions by month in UTC', () => {
    expect(INDICES.tickets.name('vigil-')).toBe('vigil-tickets');
    expect(INDICES.mentions.monthly('vigil-', '2026-12-31T23:30:00-02:00', { now: new Date('2026-12-06T00:00:00Z') })).toBe('vigil-mentions-2027.01');
    expect(INDICES.mentions.definition('p-')).toMatchObject({ pattern: 'p-mentions-*', alias: 'p-mentions' });
  });
});
