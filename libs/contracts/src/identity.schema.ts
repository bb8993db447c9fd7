import { z } from 'zod';

/** Lowest first: each role can do what the roles before it can. */
export const Role = z.enum(['viewer', 'analyst', 'responder', 'admin']);
export type Role = z.infer<typeof Role>;

const isoTime = z.iso.datetime({ offset: true });

/** A person who signs in (`users` index, `_id` = username). */
export const UserDoc = z.object({
  username: z.string().min(1).max(64),
  role: Role,
  /** `scrypt$N$r$p$salt$hash`; never leaves the api. */
  passwordHash: z.string(),
  createdAt: isoTime,
  /** A disabled user cannot sign in, refresh, or use a token issued before. */
  disabled: z.boolean().optional(),
  /**
   * Tokens and sessions carry the version they were issued under; raising it (when a user is
   * disabled, re-enabled or changes role) voids every one issued before. Absent: 0.
   */
  tokenVersion: z.number().int().min(0).optional(),
  updatedAt: isoTime.optional(),
  updatedBy: z.string().max(128).optional(),
});
export type UserDoc = z.infer<typeof UserDoc>;

/** What anyone but the api sees of a user. */
export type UserView = Omit<UserDoc, 'passwordHash'>;

/** A machine's credential (`api-keys` index, `_id` = sha256 hex of the key; the key itself is never stored). */
export const ApiKeyDoc = z.object({
  name: z.string().min(1).max(64),
  role: Role,
  /** First characters of the key, so a person can tell keys apart. */
  hint: z.string().max(16),
  createdAt: isoTime,
  createdBy: z.string().max(128),
  revoked: z.boolean().optional(),
  revokedAt: isoTime.optional(),
  revokedBy: z.string().max(128).optional(),
});
export type ApiKeyDoc = z.infer<typeof ApiKeyDoc>;

/**
 * A browser sign-in (`sessions` index, `_id` = session id): the long-lived half of a login,
 * held only in an httpOnly cookie as `<id>.<secret>`. Each refresh rotates the secret; the
 * previous one is kept briefly so two tabs refreshing at once are not taken for a theft.
 */
export const SessionDoc = z.object({
  id: z.string().max(64),
  username: z.string().max(64),
  createdAt: isoTime,
  expiresAt: isoTime,
  lastUsedAt: isoTime,
  /** sha256 hex of the current secret. */
  secretHash: z.string().length(64),
  /** The user's tokenVersion when the session began: a change of it ends the session. */
  tokenVersion: z.number().int().min(0),
  previousHash: z.string().length(64).optional(),
  rotatedAt: isoTime.optional(),
  revokedAt: isoTime.optional(),
  revokedReason: z.string().max(200).optional(),
  address: z.string().max(64).optional(),
  userAgent: z.string().max(256).optional(),
});
export type SessionDoc = z.infer<typeof SessionDoc>;

export const AuditKind = z.enum([
  'sign_in',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_out',
  'session_reuse',
  'user_created',
  'user_disabled',
  'user_enabled',
  'user_role_changed',
  'user_deleted',
  'api_key_created',
  'api_key_revoked',
]);
export type AuditKind = z.infer<typeof AuditKind>;

/** One sign-in or admin action (`audit` index, append-only; readable by admins). */
export const AuditEntry = z.object({
  id: z.string().max(64),
  at: isoTime,
  kind: AuditKind,
  /** Who: a username, `key:<name>`, or `cli:<os user>`; for a sign-in, the name that was tried. */
  actor: z.string().max(128),
  /** What it was done to: a username, or an API key's name and hint. */
  target: z.string().max(128).optional(),
  /** The client's address, for sign-ins. */
  address: z.string().max(64).optional(),
  userAgent: z.string().max(256).optional(),
  detail: z.string().max(500).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
