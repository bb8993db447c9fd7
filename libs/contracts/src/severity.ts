import { z } from 'zod';

/** The contingency plan's four levels, lowest first. */
export const SeverityLevel = z.enum(['general', 'important', 'urgent', 'major']);
export type SeverityLevel = z.infer<typeof SeverityLevel>;

export const SEVERITY_LEVELS: readonly SeverityLevel[] = SeverityLevel.options;

/** The names a Chinese crisis team uses for each level. */
export const SEVERITY_LABEL_ZH: Record<SeverityLevel, string> = {
  general: '一般',
  important: '重要',
  urgent: '紧急',
  major: '重大',
};

export function severityRank(level: SeverityLevel): number {
  return SEVERITY_LEVELS.indexOf(level);
}

export function maxSeverity(a: SeverityLevel, b: SeverityLevel): SeverityLevel {
  return severityRank(a) >= severityRank(b) ? a : b;
}
