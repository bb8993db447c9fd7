import type { ConfigAction, ConfigChange, ConfigKind } from '@vigil/contracts';

const META = new Set(['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy']);

/** The top-level fields whose values differ (what a reviewer reads first in the history). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => !META.has(k) && JSON.stringify(before?.[k]) !== JSON.stringify(after[k])).sort();
}

/** The history entry of a stored document's current version, as it was written. */
export function changeOf(kind: ConfigKind, doc: { id: string; version: number; updatedAt: string; updatedBy: string; deletedAt?: string }, action: ConfigAction, changes: string[], note?: string): ConfigChange {
  return { kind, targetId: doc.id, version: doc.version, action, actor: doc.updatedBy, at: doc.updatedAt, changes, ...(note ? { note } : {}), snapshot: doc as unknown as Record<string, unknown> };
}
