import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ApiKeyDoc, AuditEntry, AuditKind, UserDoc } from '@vigil/contracts';
import { CreateUserInput, Username } from './create-user.usecase';
import { Principal, Role } from './roles';

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;
export class LoginBodyDto extends createZodDto(LoginBody) {}

/** A sign-in or a refresh: the access token (keep it in memory); the session itself is only in the httpOnly cookie. */
export const Session = z.object({
  /** The bearer token (JWT), short-lived. */
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  user: z.object({ username: z.string(), role: Role }),
});
export type Session = z.infer<typeof Session>;
export class SessionDto extends createZodDto(Session) {}

export const SignedOut = z.object({ signedOut: z.literal(true) });
export class SignedOutDto extends createZodDto(SignedOut) {}

export class PrincipalDto extends createZodDto(Principal) {}

export const CreateApiKeyBody = z.object({ name: z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, '1–64 letters, digits or . _ -'), role: Role });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;
export class CreateApiKeyBodyDto extends createZodDto(CreateApiKeyBody) {}

/** The key is shown once, here; only its hash (the id) is stored. */
export const CreatedApiKey = z.object({ key: z.string(), id: z.string(), hint: z.string() });
export class CreatedApiKeyDto extends createZodDto(CreatedApiKey) {}

/** A key as admins see it: never the key itself; `id` is what revoking takes. */
export const ApiKeyView = ApiKeyDoc.extend({ id: z.string() });
export class ApiKeyViewDto extends createZodDto(ApiKeyView) {}

export const RevokedApiKey = z.object({ id: z.string(), name: z.string(), revoked: z.literal(true) });
export class RevokedApiKeyDto extends createZodDto(RevokedApiKey) {}

export const KeyRef = z.string().regex(/^[0-9a-zA-Z_-]{6,64}$/, 'a key id (from GET /api/api-keys) or its start');

export class CreateUserBodyDto extends createZodDto(CreateUserInput) {}

export const CreatedUser = z.object({ ok: z.literal(true), username: z.string(), role: Role, generatedPassword: z.string().optional().describe('only when no password was given: shown once') });
export class CreatedUserDto extends createZodDto(CreatedUser) {}

/** A user as an admin sees it: never the password hash. */
export const UserView = UserDoc.omit({ passwordHash: true });
export class UserViewDto extends createZodDto(UserView) {}

export const UpdateUserBody = z
  .strictObject({ disabled: z.boolean().optional().describe('true: the user cannot sign in, and what they hold stops working'), role: Role.optional() })
  .refine((b) => b.disabled !== undefined || b.role !== undefined, 'give disabled and/or role');
export class UpdateUserBodyDto extends createZodDto(UpdateUserBody) {}

export const DeletedUser = z.object({ username: Username, deleted: z.literal(true) });
export class DeletedUserDto extends createZodDto(DeletedUser) {}

const date = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();

export const AuditQuery = z.object({
  kind: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(AuditKind).max(20))
    .describe(`comma-separated: ${AuditKind.options.join(', ')}`),
  actor: z.string().max(128).optional(),
  target: z.string().max(128).optional(),
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(100).default(1),
  size: z.coerce.number().int().min(1).max(100).default(50),
});
export class AuditQueryDto extends createZodDto(AuditQuery) {}

export const AuditPage = z.object({ total: z.number().int(), entries: z.array(AuditEntry) });
export class AuditPageDto extends createZodDto(AuditPage) {}
