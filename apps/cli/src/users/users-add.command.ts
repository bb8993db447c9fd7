import { SearchClient } from '@vigil/search';
import { describeIssues } from '@vigil/contracts';
import { createUser, CreateUserInput, loadApiConfig, UsersRepository } from '@vigil/api';

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
  const config = loadApiConfig(env);
  const search = new SearchClient({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX });
  try {
    const r = await createUser(new UsersRepository(search), input.data, new Date());
    if (!r.ok) {
      out(`vigil users add: user "${name}" exists already\n`);
      return 1;
    }
    out(`created user "${r.username}" with role ${r.role}\n`);
    if (r.generatedPassword) out(`password (shown once): ${r.generatedPassword}\n`);
    return 0;
  } finally {
    await search.onApplicationShutdown();
  }
}
