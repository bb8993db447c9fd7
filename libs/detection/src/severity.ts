import { maxSeverity, type RiskCueKind, type Severity, type SeverityFactor, type SeverityLevel } from '@vigil/contracts';
import type { DetectionConfig } from './config';

export interface SeverityInput {
  size: number;
  distinctAuthors: number;
  velocityPerHour: number;
  reach: number;
  maxMoney: number;
  cues: readonly RiskCueKind[];
  /** Mean emotion intensity 0..1. */
  emotion: number;
  /** Burst score (-log10 p) when the signal is a burst. */
  burstScore?: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Points per factor, each saturating, so no single factor decides alone except
 * through the explicit cue floors (a regulator plus the media is never "general").
 */
export function assessSeverity(x: SeverityInput, cfg: DetectionConfig['severity']): Severity {
  const factors: SeverityFactor[] = [];
  const add = (factor: SeverityFactor['factor'], value: number, contribution: number, note: string) => {
    if (contribution > 0) factors.push({ factor, value: round(value), contribution: round(contribution), note });
  };
  add('reach', x.reach, Math.min(20, 4 * Math.log10(1 + x.reach)), `combined reach ${Math.round(x.reach)}`);
  add('velocity', x.velocityPerHour, Math.min(15, 5 * Math.log2(1 + x.velocityPerHour / 5)), `${round(x.velocityPerHour)} posts/hour`);
  add('distinct_authors', x.distinctAuthors, Math.min(20, 6 * Math.log2(1 + Math.max(0, x.distinctAuthors - 1) / 3)), `${x.distinctAuthors} distinct authors`);
  add('volume', x.size, Math.min(10, 3 * Math.log2(1 + x.size / 5)), `${x.size} posts`);
  add('money', x.maxMoney, Math.min(10, 2.5 * Math.log10(1 + x.maxMoney / 100)), `largest amount ${x.maxMoney}`);
  let cuePoints = 0;
  const cues = [...new Set(x.cues)].sort();
  for (const c of cues) cuePoints += cfg.cueWeights[c] ?? 0;
  add('risk_cue', cues.length, Math.min(cfg.cueCap, cuePoints), cues.length ? `cues: ${cues.join(', ')}` : 'no cues');
  add('emotion', x.emotion, 10 * Math.max(0, Math.min(1, x.emotion)), `mean emotion intensity ${round(x.emotion)}`);
  if (x.burstScore !== undefined) add('burst', x.burstScore, Math.min(10, x.burstScore), `burst score ${round(x.burstScore)} (-log10 p)`);

  const score = Math.min(100, round(factors.reduce((s, f) => s + f.contribution, 0)));
  let level: SeverityLevel = score >= cfg.levels.major ? 'major' : score >= cfg.levels.urgent ? 'urgent' : score >= cfg.levels.important ? 'important' : 'general';
  for (const f of cfg.floors) {
    if (f.cues.every((c) => cues.includes(c))) level = maxSeverity(level, f.level);
  }
  return { level, score, factors };
}
