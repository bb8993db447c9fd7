import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { assessSeverity, type SeverityInput } from './severity';

const quiet: SeverityInput = { size: 3, distinctAuthors: 3, velocityPerHour: 1, reach: 50, maxMoney: 0, cues: [], emotion: 0.2 };

describe('severity', () => {
  it('rates a small quiet cluster general and explains every point', () => {
    const s = assessSeverity(quiet, DEFAULT_CONFIG.severity);
    expect(s.level).toBe('general');
    expect(s.score).toBeCloseTo(s.factors.reduce((a, f) => a + f.contribution, 0), 0);
    expect(s.factors.every((f) => f.note.length > 0)).toBe(true);
  });

  it('climbs with reach, velocity, authors, money and emotion', () => {
    const big = assessSeverity({ size: 200, distinctAuthors: 150, velocityPerHour: 120, reach: 2_000_000, maxMoney: 50_000, cues: [], emotion: 0.9 }, DEFAULT_CONFIG.severity);
    expect(big.level).toBe('major');
    expect(big.score).toBeGreaterThan(assessSeverity(quiet, DEFAULT_CONFIG.severity).score + 50);
  });

  it('applies cue floors: media plus regulator is at least urgent, safety at least important', () => {
    expect(assessSeverity({ ...quiet, cues: ['media', 'regulator'] }, DEFAULT_CONFIG.severity).level).toBe('urgent');
    expect(assessSeverity({ ...quiet, cues: ['safety'] }, DEFAULT_CONFIG.severity).level).toBe('important');
    const f = assessSeverity({ ...quiet, cues: ['safety'] }, DEFAULT_CONFIG.severity).factors.find((x) => x.factor === 'risk_cue')!;
    expect(f.note).toContain('safety');
  });

  it('takes thresholds from configuration', () => {
    const strict = { ...DEFAULT_CONFIG.severity, levels: { important: 5, urgent: 10, major: 15 } };
    expect(assessSeverity(quiet, strict).level).not.toBe('general');
  });
});
