import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A local HTTP server whose routes a test sets and changes while it runs. */
export class TestFeedServer {
  readonly routes = new Map<string, Route>();
  readonly hits = new Map<string, number>();
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      this.hits.set(p, (this.hits.get(p) ?? 0) + 1);
      const route = this.routes.get(p);
      if (route) route(req, res);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  serve(path: string, body: string, contentType = 'application/rss+xml; charset=utf-8'): void {
    this.routes.set(path, (_req, res) => res.writeHead(200, { 'content-type': contentType }).end(body));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}

export function rss(items: { guid: string; title: string; description: string; pubDate?: string; author?: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>test</title><link>http://127.0.0.1/</link><description>t</description>${items
    .map((i) => `<item><guid isPermaLink="false">${esc(i.guid)}</guid><title>${esc(i.title)}</title>${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}<pubDate>${i.pubDate ?? new Date().toUTCString()}</pubDate><description>${esc(i.description)}</description></item>`)
    .join('')}</channel></rss>`;
}
