import { z } from 'zod';

/** Lowest first: each role can do what the roles before it can. */
export const Role = z.enum(['viewer', 'analyst', 'responder', 'admin']);
export type Role = z.infer<typeof Role>;

export const roleRank = (r: Role): number => Role.options.indexOf(r);

/** True when `have` is `need` or above it. */
export const roleAllows = (have: Role, need: Role): boolean => roleRank(have) >= roleRank(need);

/** Who made a request: a person (login token) or a machine (API key). */
export interface Principal {
  name: string;
  role: Role;
  kind: 'user' | 'api-key';
}

export const ROLES_KEY = 'vigil:roles';
export const PUBLIC_KEY = 'vigil:public';
