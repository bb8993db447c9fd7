import { z } from 'zod';
import { YamlIssue } from './parse-yaml';

/** Where a version of the plan came from: the plan file the responder watches, or an edit in the dashboard. */
export const PlanSource = z.object({
  kind: z.enum(['file', 'dashboard']),
  /** The plan file's path (kind `file`). */
  file: z.string().optional(),
  /** Who edited it (kind `dashboard`). */
  actor: z.string().optional(),
  /** The edit's request id (kind `dashboard`): the dashboard waits for it. */
  requestId: z.string().optional(),
  /** When the edit was made (the api's clock, kind `dashboard`). */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type PlanSource = z.infer<typeof PlanSource>;

/** An edit the responder refused, with every problem by line and field; the plan before it stayed in force. */
export const PlanRefusal = z.object({
  at: z.iso.datetime({ offset: true }),
  source: PlanSource,
  /** sha256 of the refused text. */
  hash: z.string(),
  errors: z.array(YamlIssue).min(1),
});
export type PlanRefusal = z.infer<typeof PlanRefusal>;

/**
 * The contingency plan the responder runs (index `plan`, one document, `_id` `current`),
 * published by the responder whenever it takes a version into force. Every other process
 * (the api, the dashboard through it) reads the plan here, never from a file of its own.
 */
export const PublishedPlan = z.object({
  /** 1, 2, … one per version taken into force in this deployment. */
  version: z.number().int().positive(),
  /** sha256 of `text`: an edit names the version it started from by it. */
  hash: z.string(),
  name: z.string(),
  /** The YAML as written (comments kept): what the dashboard's editor starts from. */
  text: z.string(),
  /** The parsed plan (`@vigil/plan`'s `Plan`), validated by the responder before it was stored. */
  plan: z.record(z.string(), z.unknown()),
  /** When the responder took this version into force. */
  loadedAt: z.iso.datetime({ offset: true }),
  source: PlanSource,
  /** The plan file the responder watches, and the sha256 of its text when last read: a file changed while no responder ran wins at the next start. */
  file: z.string(),
  fileHash: z.string(),
  lastRefused: PlanRefusal.optional(),
});
export type PublishedPlan = z.infer<typeof PublishedPlan>;

/** One line of the plan's audit trail (index `plan-versions`): a version taken into force, or an edit refused. */
export const PlanVersionEntry = z.object({
  outcome: z.enum(['accepted', 'refused']),
  /** The version it became (accepted only). */
  version: z.number().int().positive().optional(),
  at: z.iso.datetime({ offset: true }),
  source: PlanSource,
  hash: z.string(),
  name: z.string().optional(),
  text: z.string(),
  errors: z.array(YamlIssue).optional(),
});
export type PlanVersionEntry = z.infer<typeof PlanVersionEntry>;

/** Largest plan text accepted from the dashboard (the default plan is ~15 KB). */
export const MAX_PLAN_TEXT = 256 * 1024;

/**
 * A person's edit of the plan (topic `plan.edits`, key `plan`), sent by the api after it
 * validated the text. The responder validates it again and decides: it takes it into force
 * and publishes it, or records the refusal; either way the dashboard sees it in the
 * published plan by `requestId`.
 */
export const PlanEdit = z.object({
  requestId: z.string().min(1).max(128),
  actor: z.string().min(1).max(128),
  at: z.iso.datetime({ offset: true }),
  text: z.string().min(1).max(MAX_PLAN_TEXT),
  /** The hash of the published version the edit started from: a plan changed meanwhile refuses the edit. */
  baseHash: z.string(),
});
export type PlanEdit = z.infer<typeof PlanEdit>;
