import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from './password-hasher';
import { Role } from './roles';
import type { UsersRepository } from './users.repository';

export const Username = z.string().regex(/^[a-zA-Z0-9._@-]{2,64}$/, '2–64 letters, digits or . _ @ -');

export const CreateUserInput = z.object({
  username: Username,
  role: Role,
  /** Omitted: a random one is generated and returned once. */
  password: z.string().min(8, 'at least 8 characters').max(200).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export type CreateUserResult = { ok: true; username: string; role: Role; generatedPassword?: string } | { ok: false; reason: 'exists' };

/** Shared by the admin route, `vigil users add` and the first-start bootstrap (auditing is the caller's). */
export async function createUser(users: UsersRepository, input: CreateUserInput, now: Date): Promise<CreateUserResult> {
  const generated = input.password ? undefined : randomBytes(12).toString('base64url');
  const password = input.password ?? generated!;
  await users.ensureIndex();
  const created = await users.create({ username: input.username, role: input.role, passwordHash: await hashPassword(password), createdAt: now.toISOString() });
  if (!created) return { ok: false, reason: 'exists' };
  return { ok: true, username: input.username, role: input.role, generatedPassword: generated };
}
