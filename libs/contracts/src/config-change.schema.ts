import { z } from 'zod';

/**
 * One change of something people configure in the product (a watch, a source): who, when,
 * what, and the document as it was after the change. Stored in `<prefix>config-history`
 * (id `<kind>:<targetId>:<version>`), so every version stays readable and searchable after
 * later edits and after a delete.
 */
export const ConfigKind = z.enum(['watch', 'source', 'knowledge']);
export type ConfigKind = z.infer<typeof ConfigKind>;

/**
 * What every stored configuration document (a watch, a source) carries besides its content: its
 * version (the optimistic-concurrency check of the next edit), who made and last changed it, and
 * when it was deleted, if it was (a soft delete: its history and mentions stay).
 */
export const VersionStamp = {
  version: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string(),
  deletedAt: z.iso.datetime({ offset: true }).optional(),
  deletedBy: z.string().optional(),
};

export const ConfigAction = z.enum(['create', 'update', 'delete', 'restore', 'seed']);
export type ConfigAction = z.infer<typeof ConfigAction>;

export const ConfigChange = z.object({
  kind: ConfigKind,
  targetId: z.string().min(1).max(128),
  version: z.number().int().positive(),
  action: ConfigAction,
  actor: z.string().min(1).max(128),
  at: z.iso.datetime({ offset: true }),
  /** Top-level fields that differ from the version before (all fields for a create). */
  changes: z.array(z.string()),
  /** Why, when the person said (pausing a source, restoring a watch). */
  note: z.string().max(500).optional(),
  snapshot: z.record(z.string(), z.unknown()),
});
export type ConfigChange = z.infer<typeof ConfigChange>;

export const configChangeId = (kind: ConfigKind, targetId: string, version: number): string => `${kind}:${targetId}:${version}`;
