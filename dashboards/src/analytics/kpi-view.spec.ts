import { describe, expect, it } from 'vitest';
import { delta, formatMinutes, formatValue, TILES } from './kpi-view';

const t = (key: string, v: Record<string, unknown> = {}) => `${key.split('.').pop()}:${Object.values(v).join(',')}`;
const tile = (kpi: string) => TILES.find((x) => x.kpi === kpi)!;

describe('kpi tiles', () => {
  it('formats minutes, hours and days', () => {
    expect(formatMinutes(12.34, t)).toBe('min:12.3');
    expect(formatMinutes(150, t)).toBe('h:2.5');
    expect(formatMinutes(2940, t)).toBe('d:2');
    expect(formatValue('rate', 0.8333, t)).toBe('83.3%');
    expect(formatValue('rate', null, t)).toBe('—');
  });

  it('says which way a change went and whether that is good', () => {
    expect(delta(tile('sla'), 0.85, 0.8)).toEqual({ text: '▲ 5 pp', good: true });
    expect(delta(tile('repeat'), 0.2, 0.1)).toEqual({ text: '▲ 10 pp', good: false });
    expect(delta(tile('handling'), 300, 600)).toEqual({ text: '▼ 50%', good: true });
    expect(delta(tile('volume'), 12, 4)).toEqual({ text: '▲ 200%', good: undefined });
    expect(delta(tile('volume'), 3, 0)).toEqual({ text: '▲', good: undefined });
    expect(delta(tile('sla'), 0.8, 0.8)).toBeUndefined();
    expect(delta(tile('sla'), 0.8, null)).toBeUndefined();
  });
});
