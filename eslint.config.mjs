// ESLint for the whole repository: `npm run lint` (part of `npm test`). Type-aware rules for the
// TypeScript (and the dashboard's .vue files), and the package boundaries of docs/DEVELOPING.md
// as import rules, one block per package, built from the tables below.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

const APPS = ['collector', 'processor', 'indexer', 'detector', 'responder', 'api', 'reporter', 'cli'];
/** Which of our libraries each library may import. Pure libraries take contracts only. */
const LIB_DEPS = {
  contracts: [],
  common: ['contracts'],
  kafka: ['contracts', 'common'],
  search: ['contracts', 'common'],
  analysis: ['contracts'],
  detection: ['contracts'],
  plan: ['contracts'],
  watch: ['contracts'],
};
const PURE = ['analysis', 'detection', 'plan', 'watch'];
/** Modules that reach the network, the disk or other processes: none of them in a pure library. */
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'readline', 'inspector'].flatMap((m) => [m, `node:${m}`]);
const IO_PACKAGES = ['kafkajs', '@elastic/elasticsearch', 'socket.io', 'socket.io-client', '@nestjs/websockets', '@nestjs/platform-socket.io'];
const LIBS = Object.keys(LIB_DEPS);

/** A relative path out of the package: up and into `apps/`, `libs/`, … or into another package's `src`. */
const CROSSING = [
  { regex: '^(\\.\\./)+(apps|libs|dashboards|scripts|bench)(/|$)', message: 'Reach another package through its @vigil/… name, never with a relative path.' },
  { regex: '^(\\.\\./){2,}[\\w-]+/src(/|$)', message: 'Reach another package through its @vigil/… name, never with a relative path.' },
];
const INTO_TESTS = { regex: '^(\\.\\./)+test(/|$)', message: 'Only specs may use the test support files.' };
const DEEP = { group: ['@vigil/*/**'], message: 'Import a package through its index (@vigil/<name>), not its files.' };
const ours = (names, message) => names.map((n) => ({ name: `@vigil/${n}`, message }));

/** `no-restricted-imports` for one package: everything it may not import, in one list (flat config replaces, never merges, a rule's options). */
function boundaries(pkg, { spec = false } = {}) {
  const [kind, name] = pkg.split('/');
  const paths = [];
  const patterns = [DEEP, ...CROSSING, ...(spec ? [] : [INTO_TESTS])];
  if (kind === 'apps') {
    // Only the cli composes other apps, through their public index files.
    if (name !== 'cli') paths.push(...ours(APPS.filter((a) => a !== 'cli'), 'An app does not import another app: share through a library or a Kafka topic.'));
    paths.push(...ours(['cli'], 'Nothing imports the cli.'));
  } else {
    paths.push(...ours(APPS, 'A library never imports an app.'));
    paths.push(...ours(LIBS.filter((l) => l !== name && !LIB_DEPS[name].includes(l)), PURE.includes(name) ? 'A pure library imports @vigil/contracts only.' : `libs/${name} may import ${LIB_DEPS[name].map((d) => `@vigil/${d}`).join(', ') || 'nothing of ours'}.`));
    if (PURE.includes(name)) paths.push(...[...IO_MODULES, ...IO_PACKAGES].map((m) => ({ name: m, message: 'A pure library does no I/O: take what it needs as an argument.' })));
  }
  return { paths, patterns };
}

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts'];
const packages = [...APPS.map((a) => `apps/${a}`), ...LIBS.map((l) => `libs/${l}`)];

export default defineConfig(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test/artifacts/**', 'dashboards/src/api/schema.d.ts', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: TS_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  ...vue.configs['flat/essential'].map((c) => ({ ...c, files: ['dashboards/**/*.vue'] })),
  {
    files: ['dashboards/**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] }, globals: globals.browser },
    // Posts are text strangers wrote: rendered as text, never as HTML.
    rules: { 'vue/no-v-html': 'error' },
  },
  {
    files: [...TS_FILES, 'dashboards/**/*.vue'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Plain JavaScript (scripts, configs): no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  { files: ['scripts/**', 'bench/**', 'test/**', 'apps/**', 'libs/**'], languageOptions: { globals: globals.node } },
  // Package boundaries. Specs may also use test/support (factories, local servers).
  ...packages.flatMap((pkg) => [
    { files: [`${pkg}/**/*.ts`], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaries(pkg)] } },
    { files: [`${pkg}/**/*.spec.ts`], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaries(pkg, { spec: true })] } },
  ]),
  {
    // The dashboard runs in a browser: of ours it takes only the contracts' types.
    files: ['dashboards/src/**/*.ts', 'dashboards/src/**/*.vue'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@vigil/contracts', allowTypeImports: true, message: 'The dashboard imports only types from contracts (`import type`): zod and the schemas stay on the server.' },
            ...ours([...APPS, ...LIBS.filter((l) => l !== 'contracts')], 'The dashboard talks to the api over HTTP and the socket, it imports no server code.'),
          ],
          patterns: [DEEP, ...CROSSING, { group: ['node:*'], message: 'The dashboard runs in a browser.' }],
        },
      ],
    },
  },
);
