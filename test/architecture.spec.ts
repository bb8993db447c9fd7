// Dependencies point one way (STYLE.md): apps import libs; pure libs import only
// contracts; infra libs import contracts and common; no lib imports an app; no
// package reaches into another with ../../ paths. ESLint holds the static imports to this
// as you type (eslint.config.mjs); this test says what the linter cannot: it also reads
// dynamic import() and require(), keeps pure libraries to a list of allowed packages
// (the linter can only forbid), and keeps Kafka, Elasticsearch and sockets in the apps
// behind repository, gateway, client and publisher classes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const PURE = ['analysis', 'detection', 'plan', 'watch'];
const APP_NAMES = fs.readdirSync(path.join(root, 'apps'));
/** Node modules that compute and touch nothing outside the process. */
const NODE_OK = /^(node:)?(path|crypto|url|util)$/;

/** Third-party packages each pure lib may use: computation only, no I/O clients. */
const PURE_PACKAGES: Record<string, RegExp> = {
  analysis: /^(zod|@node-rs\/jieba(\/dict)?|opencc-js)$/,
  detection: /^zod$/,
  plan: /^(zod|yaml)$/,
  watch: /^zod$/,
};
const IO_PACKAGES = /^(kafkajs|@elastic\/elasticsearch|socket\.io|@nestjs\/websockets|@nestjs\/platform-socket\.io)$/;

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return /\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  // Type-only imports carry no runtime dependency.
  return [...text.matchAll(/(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Which package a file belongs to: `libs/analysis`, `apps/api`, … */
const packageOf = (file: string) => path.relative(root, file).split(path.sep).slice(0, 2).join('/');

describe('architecture', () => {
  const violations: string[] = [];
  for (const kind of ['libs', 'apps']) {
    for (const file of files(path.join(root, kind))) {
      const pkg = packageOf(file);
      const lib = pkg.startsWith('libs/') ? pkg.slice(5) : undefined;
      for (const spec of imports(file)) {
        const where = `${path.relative(root, file)} imports ${spec}`;
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (packageOf(target) !== pkg) violations.push(`${where}: crosses a package boundary with a relative path (use @vigil/…)`);
          continue;
        }
        if (spec.startsWith('@vigil/') && APP_NAMES.includes(spec.slice(7)) && pkg !== 'apps/cli') violations.push(`${where}: only the cli composes apps`);
        if (lib && spec.startsWith('@vigil/')) {
          const dep = spec.slice(7);
          if (PURE.includes(lib) && dep !== 'contracts') violations.push(`${where}: a pure lib imports only @vigil/contracts`);
          if (lib === 'contracts' && dep !== 'contracts') violations.push(`${where}: contracts import nothing of ours`);
          if ((lib === 'kafka' || lib === 'search') && !['contracts', 'common'].includes(dep)) violations.push(`${where}: infra libs import contracts and common only`);
        }
        if (lib && PURE.includes(lib) && !spec.startsWith('@vigil/') && !NODE_OK.test(spec) && !PURE_PACKAGES[lib].test(spec)) {
          violations.push(`${where}: not allowed in a pure lib`);
        }
        if (pkg.startsWith('apps/') && IO_PACKAGES.test(spec) && !/\.(repository|gateway|client|publisher|mapping)\.ts$/.test(file) && !/support|bench/.test(file)) {
          violations.push(`${where}: apps reach Kafka, Elasticsearch and sockets through libs or a repository/gateway class`);
        }
      }
    }
  }

  it('finds the files it checks', () => {
    expect(files(path.join(root, 'libs')).length).toBeGreaterThan(20);
  });

  it('has no imports against the dependency direction', () => {
    expect(violations).toEqual([]);
  });
});
