import { z } from 'zod';
import { Role } from './roles';

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const CreateApiKeyBody = z.object({ name: z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, '1–64 letters, digits or . _ -'), role: Role });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;
