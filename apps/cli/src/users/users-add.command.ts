import { describeIssues } from '@vigil/contracts';
import { CreateUserInput } from '@vigil/api';
import { withIdentity } from './identity-kit';

/**
 * `vigil users add <name> --role <role>`: writes the user straight into Elasticsearch
 * (ELASTICSEARCH_URL, VIGIL_INDEX_PREFIX), so the first admin can be made before the api
 * runs. The password comes from VIGIL_USER_PASSWORD or is generated and printed once.
 */
export async function runUsersAdd(name: string, opts: { role: string }, out: (s: string) => void = (s) => process.stdout.write(s), env = process.env): Promise<number> {
  const input = CreateUserInput.safeParse({ username: name, role: opts.role, password: env.VIGIL_USER_PASSWORD || undefined });
  if (!input.success) {
    out(`vigil users add: ${describeIssues(input.error)}\n`);
    return 2;
  }
  return withIdentity(env, async ({ admin, actor }) => {
    const r = await admin.create(input.data, actor, new Date());
    if (!r.ok) {
      out(`vigil users add: user "${name}" exists already\n`);
      return 1;
    }
    out(`created user "${r.username}" with role ${r.role}\n`);
    if (r.generatedPassword) out(`password (shown once): ${r.generatedPassword}\n`);
    return 0;
  });
}
