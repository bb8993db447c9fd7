import { Role } from '@vigil/contracts';
import type { AdminResult } from '@vigil/api';
import { withIdentity } from './identity-kit';

type Out = (s: string) => void;
const stdout: Out = (s) => process.stdout.write(s);

function report(r: AdminResult, done: string, out: Out, command: string): number {
  if (r.ok) {
    out(`${done}\n`);
    return 0;
  }
  out(`vigil users ${command}: ${r.message}\n`);
  return r.reason === 'not_found' ? 1 : 3;
}

/** `vigil users list`: name, role, enabled or disabled, created. */
export function runUsersList(out: Out = stdout, env = process.env): Promise<number> {
  return withIdentity(env, async ({ users }) => {
    const list = await users.list();
    if (!list.length) out('no users yet (the api makes "admin" at its first start, or: vigil users add <name> --role admin)\n');
    for (const u of list) out(`${u.username.padEnd(24)} ${u.role.padEnd(10)} ${u.disabled ? 'DISABLED' : 'enabled '} created ${u.createdAt}${u.updatedBy ? `, changed by ${u.updatedBy} ${u.updatedAt}` : ''}\n`);
    return 0;
  });
}

/** `vigil users disable|enable <name>`: a disabled user's tokens and sessions stop working. */
export function runUsersSetDisabled(name: string, disabled: boolean, out: Out = stdout, env = process.env): Promise<number> {
  return withIdentity(env, async ({ admin, actor }) =>
    report(await admin.setDisabled(name, disabled, actor, new Date()), `${disabled ? 'disabled' : 'enabled'} user "${name}"${disabled ? ' (their tokens stop within a minute; sessions ended)' : ''}`, out, disabled ? 'disable' : 'enable'),
  );
}

/** `vigil users role <name> <role>`. */
export function runUsersSetRole(name: string, role: string, out: Out = stdout, env = process.env): Promise<number> {
  const r = Role.safeParse(role);
  if (!r.success) {
    out(`vigil users role: the role must be one of ${Role.options.join(', ')}\n`);
    return Promise.resolve(2);
  }
  return withIdentity(env, async ({ admin, actor }) => report(await admin.setRole(name, r.data, actor, new Date()), `"${name}" is now ${r.data}`, out, 'role'));
}

/** `vigil users delete <name>`. */
export function runUsersDelete(name: string, out: Out = stdout, env = process.env): Promise<number> {
  return withIdentity(env, async ({ admin, actor }) => report(await admin.remove(name, actor, new Date()), `deleted user "${name}"`, out, 'delete'));
}
