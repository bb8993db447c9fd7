import net from 'node:net';
import type { AddressInfo } from 'node:net';

type StallDirection = 'requests' | 'answers';

/**
 * A TCP relay in front of a real server, so a test can make that server "go away" (every
 * connection dropped, new ones refused) and come back on the same address, without
 * stopping the shared server itself.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static forUrl(url: string): TcpProxy {
    const u = new URL(url);
    return new TcpProxy(u.hostname, Number(u.port));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens (again) on the same port once one was taken. */
  async start(): Promise<this> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      // Both directions by hand, so stall() can hold what one side sends.
      let lastRequest = '';
      const relay = (from: net.Socket, to: net.Socket, direction: StallDirection) =>
        from.on('data', (chunk: Buffer) => {
          const text = chunk.toString('latin1');
          if (direction === 'requests' && /^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/.test(text)) lastRequest = text.slice(0, text.indexOf('\r\n'));
          if (this.stalled === direction && (!this.only || this.only.test(lastRequest))) {
            this.held.push(text);
            this.heldSockets.add(client);
          } else to.write(chunk);
        });
      relay(client, upstream, 'requests');
      relay(upstream, client, 'answers');
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  private stalled: StallDirection | undefined;
  private held: string[] = [];
  private readonly heldSockets = new Set<net.Socket>();

  /**
   * The server "hangs": connections stay open, but from now on what clients send never reaches it
   * (`requests`), or it does and its answers never come back (`answers`: the work is done, the
   * client does not know); `only` narrows it to requests whose first line matches. What was held is
   * kept for heldText().
   */
  stall(direction: StallDirection = 'requests', only?: RegExp): void {
    this.stalled = direction;
    this.only = only;
  }

  /** With stall(…, only): just the connections whose last request line matches (e.g. /POST \S*_bulk/). */
  private only?: RegExp;

  /** What was held while stalled, as text (requests or answers, e.g. to see a `_bulk` and its ids). */
  heldText(): string {
    return this.held.join('');
  }

  /** Serves again; the connections that had something held are cut (as a hung server's would be). */
  release(): void {
    this.stalled = undefined;
    this.only = undefined;
    this.held = [];
    for (const s of this.heldSockets) s.destroy();
    this.heldSockets.clear();
  }

  /** The server "dies": open connections are cut and new ones refused until start(). */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((r) => server.close(r));
  }

  async stop(): Promise<void> {
    await this.cut();
  }
}
