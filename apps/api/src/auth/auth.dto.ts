import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CreateUserInput } from './create-user.usecase';
import { Principal, Role } from './roles';

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;
export class LoginBodyDto extends createZodDto(LoginBody) {}

export const Session = z.object({
  /** The bearer token (JWT). */
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  user: z.object({ username: z.string(), role: Role }),
});
export type Session = z.infer<typeof Session>;
export class SessionDto extends createZodDto(Session) {}

export class PrincipalDto extends createZodDto(Principal) {}

export const CreateApiKeyBody = z.object({ name: z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, '1–64 letters, digits or . _ -'), role: Role });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;
export class CreateApiKeyBodyDto extends createZodDto(CreateApiKeyBody) {}

/** The key is shown once, here; only its hash (the id) is stored. */
export const CreatedApiKey = z.object({ key: z.string(), id: z.string() });
export class CreatedApiKeyDto extends createZodDto(CreatedApiKey) {}

export class CreateUserBodyDto extends createZodDto(CreateUserInput) {}

export const CreatedUser = z.object({ ok: z.literal(true), username: z.string(), role: Role, generatedPassword: z.string().optional().describe('only when no password was given: shown once') });
export class CreatedUserDto extends createZodDto(CreatedUser) {}

/** A user as an admin sees it: never the password hash. */
export const UserView = z.object({ username: z.string(), role: Role, createdAt: z.string(), disabled: z.boolean().optional() });
export class UserViewDto extends createZodDto(UserView) {}
