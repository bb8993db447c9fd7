import { Role } from '@vigil/contracts';
import { CreateApiKeyBody } from '@vigil/api';
import { withIdentity } from './identity-kit';

type Out = (s: string) => void;
const stdout: Out = (s) => process.stdout.write(s);

/** `vigil api-keys list`: id (what revoke takes), name, role, hint, made by, revoked. */
export function runKeysList(out: Out = stdout, env = process.env): Promise<number> {
  return withIdentity(env, async ({ keys }) => {
    const list = await keys.list();
    if (!list.length) out('no API keys\n');
    for (const k of list) out(`${k.id.slice(0, 16)}  ${k.name.padEnd(20)} ${k.role.padEnd(10)} ${k.hint}…  by ${k.createdBy} ${k.createdAt}${k.revoked ? `  REVOKED by ${k.revokedBy} ${k.revokedAt}` : ''}\n`);
    return 0;
  });
}

/** `vigil api-keys create <name> --role <role>`: the key is printed once. */
export function runKeysCreate(name: string, role: string, out: Out = stdout, env = process.env): Promise<number> {
  const body = CreateApiKeyBody.safeParse({ name, role });
  if (!body.success) {
    out(`vigil api-keys create: a name of 1–64 letters, digits or . _ -, and a role of ${Role.options.join(', ')}\n`);
    return Promise.resolve(2);
  }
  return withIdentity(env, async ({ keys, actor }) => {
    const r = await keys.create(body.data.name, body.data.role, actor, new Date());
    out(`created API key "${name}" (${body.data.role}), id ${r.id.slice(0, 16)}\nkey (shown once; send it as X-API-Key): ${r.key}\n`);
    return 0;
  });
}

/** `vigil api-keys revoke <id>`: the id from `list` (its first characters are enough when unambiguous). */
export function runKeysRevoke(ref: string, out: Out = stdout, env = process.env): Promise<number> {
  return withIdentity(env, async ({ keys, actor }) => {
    const r = await keys.revoke(ref, actor, new Date());
    if (!r.ok) {
      out(`vigil api-keys revoke: ${r.message}\n`);
      return 1;
    }
    out(`revoked API key "${r.name}" (${r.id.slice(0, 16)}): it fails from its next request\n`);
    return 0;
  });
}
