/**
 * Preloaded into each app of `bench:memory` (`node --expose-gc -r memory-probe.js main.js`): on
 * SIGWINCH it collects garbage and appends the process's memory to MEMORY_PROBE_FILE, one JSON line
 * per sample. The app's own code is untouched. SIGWINCH because its default is to ignore and
 * Nest's shutdown hooks do not take it (they take SIGUSR2 and close the app).
 */
import fs from 'node:fs';

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  process.on('SIGWINCH', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
  });
}
