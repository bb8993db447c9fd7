import type { Plan } from './plan.schema';

/** The plan roles a Vigil user holds (contacts that name the user). */
export function rolesOf(plan: Plan, user: string): string[] {
  return Object.entries(plan.roles)
    .filter(([, r]) => r.contacts.some((c) => c.user === user))
    .map(([id]) => id);
}

/** The Vigil users holding a role. */
export function membersOf(plan: Plan, role: string): string[] {
  return (plan.roles[role]?.contacts ?? []).flatMap((c) => (c.user ? [c.user] : []));
}

export function holdsAny(plan: Plan, user: string, roles: readonly string[]): boolean {
  return rolesOf(plan, user).some((r) => roles.includes(r));
}
