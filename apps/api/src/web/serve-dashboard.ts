import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigil</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Vigil</h1><p>The dashboard has not been built yet. From the checkout, run</p>
<pre>npx vite build --config dashboards/vite.config.ts</pre>
<p>and reload. Meanwhile the API is up: <a href="/api/docs">/api/docs</a>, <a href="/health">/health</a>.</p></body></html>`;

/** The built Vue app at `/` (its own routes live after `#`), or a page saying how to build it. */
export function serveDashboard(app: INestApplication, dir: string): void {
  const root = path.resolve(dir);
  if (fs.existsSync(path.join(root, 'index.html'))) {
    (app as NestExpressApplication).useStaticAssets(root, { index: 'index.html', maxAge: 0 });
    return;
  }
  app.use((req: { method: string; path: string }, res: { status(c: number): { type(t: string): { send(b: string): void } } }, next: () => void) => {
    if (req.method === 'GET' && (req.path === '/' || req.path === '/index.html')) return res.status(200).type('html').send(NOT_BUILT);
    next();
  });
}
