import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { resolve } from 'node:path';

const alias = {
  '@vigil/contracts': resolve(__dirname, 'libs/contracts/src/index.ts'),
  '@vigil/analysis': resolve(__dirname, 'libs/analysis/src/index.ts'),
  '@vigil/detection': resolve(__dirname, 'libs/detection/src/index.ts'),
  '@vigil/plan': resolve(__dirname, 'libs/plan/src/index.ts'),
  '@vigil/watch': resolve(__dirname, 'libs/watch/src/index.ts'),
  '@vigil/kafka': resolve(__dirname, 'libs/kafka/src/index.ts'),
  '@vigil/search': resolve(__dirname, 'libs/search/src/index.ts'),
  '@vigil/common': resolve(__dirname, 'libs/common/src/index.ts'),
  // The apps' public index files: only the cli composes other apps (eslint.config.mjs holds it to that).
  '@vigil/collector': resolve(__dirname, 'apps/collector/src/index.ts'),
  '@vigil/processor': resolve(__dirname, 'apps/processor/src/index.ts'),
  '@vigil/indexer': resolve(__dirname, 'apps/indexer/src/index.ts'),
  '@vigil/detector': resolve(__dirname, 'apps/detector/src/index.ts'),
  '@vigil/responder': resolve(__dirname, 'apps/responder/src/index.ts'),
  '@vigil/api': resolve(__dirname, 'apps/api/src/index.ts'),
  '@vigil/reporter': resolve(__dirname, 'apps/reporter/src/index.ts'),
};

// swc compiles the NestJS code with decorator metadata, which esbuild cannot emit.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  plugins,
  resolve: { alias },
  test: {
    projects: [
      // The dashboard's store and component tests (happy-dom), with its own Vue config.
      'dashboards/vitest.config.ts',
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'test/*.spec.ts', 'scripts/**/*.spec.ts'],
          exclude: ['**/*.int.spec.ts', '**/node_modules/**'],
          environment: 'node',
          // No unit test measures time, but some train small models (1-5 s on a quiet core): vitest's
          // 5 s default turned a loaded machine into failures (update-models.spec at load 27: 5.0 s).
          testTimeout: 30_000,
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'integration',
          // The apps' own warnings (failed polls the tests provoke) would bury the results.
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
          include: ['test/**/*.int.spec.ts', 'apps/**/*.int.spec.ts', 'libs/**/*.int.spec.ts'],
          environment: 'node',
          globalSetup: ['test/setup/services.global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two files at a time (VIGIL_TEST_WORKERS=1: one after another). Files share nothing but the
          // servers: testEnv() gives each its own topic, index and consumer-group prefix, and
          // every port is the system's pick (0) or, for ctrl-c's own servers, probed in 18300–18399.
          // Most of a file's time is waiting (app boots, the servers' cluster-state updates,
          // polling), so two at a time overlap the waits on a 2-core machine.
          maxWorkers: Number(process.env.VIGIL_TEST_WORKERS ?? 2),
          // After the unit and dashboard files (group 0), which keep vitest's default worker count.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
