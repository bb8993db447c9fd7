import { z } from 'zod';
import { Role } from '@vigil/contracts';

export { Role };

export const roleRank = (r: Role): number => Role.options.indexOf(r);

/** True when `have` is `need` or above it. */
export const roleAllows = (have: Role, need: Role): boolean => roleRank(have) >= roleRank(need);

/** Who made a request: a person (login token) or a machine (API key). */
export const Principal = z.object({ name: z.string(), role: Role, kind: z.enum(['user', 'api-key']) });
export type Principal = z.infer<typeof Principal>;

export const ROLES_KEY = 'vigil:roles';
export const PUBLIC_KEY = 'vigil:public';
