import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** `npx vite build --config dashboards/vite.config.ts` → dashboards/dist, served by the api at `/`. */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [vue()],
  // vue-i18n's compile-time flags: composition API only, no devtools in production.
  define: { __VUE_I18N_FULL_INSTALL__: true, __VUE_I18N_LEGACY_API__: false, __INTLIFY_PROD_DEVTOOLS__: false },
  // Only types come from contracts (its index imports node:crypto); the alias lets `import type`
  // resolve in editors and vue-tsc. The one value taken is the crisis/service rule, a file without
  // imports, by its own path (stores/board-query.ts); the first alias that matches wins.
  resolve: { alias: { '@vigil/contracts/ticket-kind': here('../libs/contracts/src/ticket-kind.ts'), '@vigil/contracts': here('../libs/contracts/src/index.ts') } },
  build: { outDir: here('dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
