import { describe, expect, it } from 'vitest';
import { termKey } from './hash';
import { mulberry32 } from '../../../test/support/prng';
import { TermTable } from './term-table';

describe('TermTable', () => {
  it('sums weights by key in insertion order, as a Map would, across growth', () => {
    const rand = mulberry32(11);
    const table = new TermTable(2);
    const ref = new Map<number, [string, number]>();
    for (let i = 0; i < 2000; i++) {
      const name = `t${Math.floor(rand() * 300)}`;
      const w = rand();
      table.add(termKey(name), name, w);
      const cur = ref.get(termKey(name));
      ref.set(termKey(name), [name, (cur?.[1] ?? 0) + w]);
    }
    expect(table.size).toBe(ref.size);
    const got = Array.from({ length: table.size }, (_, i) => [table.keys[i], table.names[i], table.weights[i]]);
    expect(got).toEqual([...ref].map(([k, [n, w]]) => [k, n, w]));
    for (const [k, [, w]] of ref) expect(table.weights[table.indexOf(k)]).toBe(w);
    expect(table.indexOf(termKey('absent'))).toBe(-1);
  });

  it('keeps the heaviest terms, ties by name, heaviest first, and still finds them', () => {
    const rand = mulberry32(5);
    for (let round = 0; round < 100; round++) {
      const table = new TermTable();
      const n = 1 + Math.floor(rand() * 200);
      for (let i = 0; i < n; i++) table.add(termKey(`w${i}`), `w${i}`, Math.floor(rand() * 5));
      const all = Array.from({ length: table.size }, (_, i) => [table.names[i]!, table.weights[i]!] as const);
      const keep = 1 + Math.floor(rand() * 80);
      const expected = [...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
      table.retainTop(keep);
      const kept = Array.from({ length: table.size }, (_, i) => [table.names[i]!, table.weights[i]!] as const);
      expect(kept).toEqual(n <= keep ? all : expected);
      for (const [name] of kept) expect(table.names[table.indexOf(termKey(name))]).toBe(name);
      for (const [name] of all) if (!kept.some(([k]) => k === name)) expect(table.indexOf(termKey(name))).toBe(-1);
      // Adding after a prune appends and finds again.
      table.add(termKey('late'), 'late', 1);
      expect(table.names[table.indexOf(termKey('late'))]).toBe('late');
    }
  });
});
