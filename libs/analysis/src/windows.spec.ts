import { describe, expect, it } from 'vitest';
import { splitWindows } from './windows';

describe('splitWindows', () => {
  it('keeps a short text in one window', () => {
    expect(splitWindows('短文本', 10)).toEqual([{ start: 0, end: 3 }]);
  });

  it('covers a long text without gaps or overlap, each window bounded', () => {
    const text = '这是一句话。'.repeat(1000) + 'x'.repeat(9999);
    const ws = splitWindows(text, 4000);
    expect(ws[0]!.start).toBe(0);
    expect(ws.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < ws.length; i++) expect(ws[i]!.start).toBe(ws[i - 1]!.end);
    for (const w of ws) expect(w.end - w.start).toBeLessThanOrEqual(4000);
  });

  it('cuts after sentence punctuation near the edge', () => {
    const text = 'a'.repeat(95) + '。' + 'b'.repeat(50);
    expect(splitWindows(text, 100)[0]).toEqual({ start: 0, end: 96 });
  });

  it('never splits a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😡' + 'b'.repeat(20);
    const ws = splitWindows(text, 10);
    expect(ws[0]!.end).toBe(9);
    expect(text.slice(ws[1]!.start, ws[1]!.end).startsWith('😡')).toBe(true);
  });
});
