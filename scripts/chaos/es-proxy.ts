import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP relay in front of one Elasticsearch node, so the suite can make Elasticsearch slow
 * (every `_bulk` answered 429, as a node whose write queue is full answers) without touching the
 * server. While the node itself is down, the relay drops the connection the way the node would
 * (no answer made up), so the client sees what it would see without the relay.
 */
export class EsProxy {
  private server?: http.Server;
  /** While set, `_bulk` requests get 429 (Too Many Requests) instead of reaching the node. */
  throttleBulk = false;
  rejectedBulks = 0;
  /** How many index-template writes still get 503 (a master too busy to take cluster-state updates). */
  failTemplateWrites = 0;
  port = 0;

  constructor(
    private readonly target: URL,
    private readonly listenPort = 0,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      if (this.throttleBulk && /\/_bulk(\?|$)/.test(req.url ?? '')) {
        this.rejectedBulks++;
        req.resume();
        res.writeHead(429, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify({ error: { type: 'es_rejected_execution_exception', reason: 'rejected execution (chaos: bulk queue full)' }, status: 429 }));
        return;
      }
      if (this.failTemplateWrites > 0 && req.method === 'PUT' && /\/_index_template\//.test(req.url ?? '')) {
        this.failTemplateWrites--;
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify({ error: { type: 'process_cluster_event_timeout_exception', reason: 'failed to process cluster event (chaos: master busy) within 30s' }, status: 503 }));
        return;
      }
      const up = http.request(
        { host: this.target.hostname, port: Number(this.target.port), method: req.method, path: req.url, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.socket?.destroy());
      req.pipe(up);
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
}
