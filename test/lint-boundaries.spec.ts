// No servers: the repository's own ESLint configuration (eslint.config.mjs) applied to small
// snippets placed, by name, inside the packages. Each break of a boundary must be an error; the
// same imports done the allowed way must not. Type-aware rules are switched off for these
// snippets only (they would cost a whole TypeScript program per run and say nothing here);
// the last test checks they are on for real files.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
let eslint: ESLint;

async function problems(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return r.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}
const boundary = (ps: string[]) => ps.filter((p) => p.startsWith('@typescript-eslint/no-restricted-imports'));

// ESLint loads its plugins on the first lint (seconds on a busy machine): more than the 5 s default.
describe('the lint rules hold the package boundaries', { timeout: 60_000 }, () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });
  });

  it('refuses an app reaching into another app, relatively or by name; only the cli composes apps, through their index', async () => {
    expect(boundary(await problems('apps/cli/src/probe.ts', "import { ApiModule } from '../../api/src/api.module';\nexport const m = ApiModule;\n"))).toHaveLength(1);
    expect(boundary(await problems('apps/cli/src/start/probe.ts', "import { ApiModule } from '../../../api/src/api.module';\nexport const m = ApiModule;\n"))).toHaveLength(1);
    expect(boundary(await problems('apps/api/src/probe.ts', "import { DetectorModule } from '@vigil/detector';\nexport const m = DetectorModule;\n"))).toHaveLength(1);
    expect(await problems('apps/cli/src/probe.ts', "import { ApiModule } from '@vigil/api';\nexport const m = ApiModule;\n")).toEqual([]);
  });

  it('refuses a relative path into libs or another package’s files, and deep imports', async () => {
    expect(boundary(await problems('apps/api/src/probe.ts', "import { x } from '../../../libs/search/src/indices';\nexport const y = x;\n"))).toHaveLength(1);
    expect(boundary(await problems('apps/api/src/probe.ts', "import { TicketsReader } from '@vigil/search/src/indices/tickets.index';\nexport const r = TicketsReader;\n"))).toHaveLength(1);
    expect(boundary(await problems('apps/api/src/probe.ts', "import { x } from '../../../test/support/test-env';\nexport const y = x;\n"))).toHaveLength(1);
    // A spec may use the test support files.
    expect(boundary(await problems('apps/api/src/probe.spec.ts', "import { testEnv } from '../../../test/support/test-env';\nexport const y = testEnv;\n"))).toEqual([]);
  });

  it('keeps pure libraries free of I/O and of every library but contracts', async () => {
    for (const io of ['node:fs', 'fs', 'node:fs/promises', 'node:net', 'node:http', 'node:child_process', 'kafkajs', '@elastic/elasticsearch']) {
      expect(boundary(await problems('libs/plan/src/probe.ts', `import * as io from '${io}';\nexport const x = io;\n`)), io).toHaveLength(1);
    }
    expect(boundary(await problems('libs/detection/src/probe.ts', "import { createLogger } from '@vigil/common';\nexport const l = createLogger;\n"))).toHaveLength(1);
    expect(boundary(await problems('libs/analysis/src/probe.ts', "import { ApiModule } from '@vigil/api';\nexport const m = ApiModule;\n"))).toHaveLength(1);
    expect(await problems('libs/plan/src/probe.ts', "import { Ticket } from '@vigil/contracts';\nexport const t = Ticket;\n")).toEqual([]);
    // Infra libraries take contracts and common, never each other or an app.
    expect(boundary(await problems('libs/search/src/probe.ts', "import { KafkaClient } from '@vigil/kafka';\nexport const k = KafkaClient;\n"))).toHaveLength(1);
    expect(await problems('libs/search/src/probe.ts', "import { createLogger } from '@vigil/common';\nexport const l = createLogger;\n")).toEqual([]);
  });

  it('lets the dashboard take only types from contracts, and nothing else of the server', async () => {
    expect(boundary(await problems('dashboards/src/probe.ts', "import { Ticket } from '@vigil/contracts';\nexport const t = Ticket;\n"))).toHaveLength(1);
    expect(await problems('dashboards/src/probe.ts', "import type { Ticket } from '@vigil/contracts';\nexport const t = (x: Ticket) => x.id;\n")).toEqual([]);
    expect(boundary(await problems('dashboards/src/probe.ts', "import { SearchClient } from '@vigil/search';\nexport const s = SearchClient;\n"))).toHaveLength(1);
    expect(boundary(await problems('dashboards/src/probe.ts', "import { x } from '../../libs/contracts/src/index';\nexport const y = x;\n"))).toHaveLength(1);
  });

  it('has the type-aware rules on for the real sources', async () => {
    const full = new ESLint({ cwd: root });
    for (const file of ['apps/api/src/main.ts', 'libs/plan/src/index.ts', 'dashboards/src/stores/tickets.ts', 'test/support/test-env.ts']) {
      const { rules = {} } = (await full.calculateConfigForFile(path.join(root, file))) as { rules?: Record<string, unknown[]> };
      for (const rule of ['@typescript-eslint/no-floating-promises', '@typescript-eslint/switch-exhaustiveness-check', '@typescript-eslint/no-unused-vars']) expect(rules[rule]?.[0], `${rule} in ${file}`).toBe(2);
    }
  });
});
