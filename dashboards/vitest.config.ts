import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Store and component tests: `npx vitest run --config dashboards/vitest.config.ts`. */
export default defineConfig({
  root: here('.'),
  plugins: [vue()],
  resolve: { alias: { '@vigil/contracts/ticket-kind': here('../libs/contracts/src/ticket-kind.ts'), '@vigil/contracts': here('../libs/contracts/src/index.ts') } },
  test: { name: 'dashboard', include: ['src/**/*.spec.ts'], environment: 'happy-dom' },
});
