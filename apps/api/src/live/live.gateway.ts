import { type OnGatewayConnection, type OnGatewayInit, SubscribeMessage, WebSocketGateway, ConnectedSocket } from '@nestjs/websockets';
import type { OnModuleDestroy } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { AuthService, type Credentials } from '../auth/auth.service';
import type { Principal } from '../auth/roles';
import { LiveFeedService } from './live-feed.service';
import { LivePublisher, type LiveServer, type LiveSocket } from './live.publisher';

/** How often open sockets are checked again: a disabled user's dashboard goes dark within this plus the user cache. */
const RECHECK_MS = 30_000;

interface SocketAuth {
  principal?: Principal;
  creds?: Credentials;
}

/**
 * socket.io on the api's own port (path /socket.io). The handshake must carry
 * `auth: { token }` (a login JWT) or `auth: { apiKey }`; anything else is refused
 * and disconnected. Every role may watch (viewer and above). Open sockets are checked
 * again every 30 s: one whose token expired or whose user was disabled or deleted is
 * told so (`unauthenticated`) and disconnected; the dashboard renews its token and reconnects.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = createLogger('api');
  private server?: LiveServer;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly feed: LiveFeedService,
    private readonly publisher: LivePublisher,
  ) {}

  afterInit(server: LiveServer): void {
    this.server = server;
    this.publisher.attach(server);
    // Authenticate before the connection is accepted, so an unauthenticated client never gets a socket.
    server.use((socket, next) => {
      const a = (socket.handshake.auth ?? {}) as { token?: unknown; apiKey?: unknown };
      const creds = { bearer: typeof a.token === 'string' ? a.token : undefined, apiKey: typeof a.apiKey === 'string' ? a.apiKey : undefined };
      this.auth.authenticate(creds).then(
        (p) => {
          if (!p) return next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated', message: 'sign in first' } }));
          Object.assign(socket.data as SocketAuth, { principal: p, creds });
          next();
        },
        (e: Error) => next(e),
      );
    });
    this.timer = setInterval(() => void this.recheck(), RECHECK_MS);
    this.timer.unref();
  }

  handleConnection(socket: LiveSocket): void {
    const p = (socket.data as SocketAuth).principal;
    if (!p) return this.publisher.refuse(socket, { code: 'unauthenticated', message: 'sign in first' });
    this.logger.debug({ socketId: socket.id, user: p.name }, 'live client connected');
  }

  @SubscribeMessage('live:subscribe')
  async onSubscribe(@ConnectedSocket() socket: LiveSocket): Promise<void> {
    await this.publisher.subscribe(socket, () => this.feed.snapshot());
  }

  /** Each open socket's credentials again; a failed check (the server away) keeps the socket. */
  async recheck(): Promise<void> {
    const sockets = [...(this.server?.of('/').sockets.values() ?? [])] as LiveSocket[];
    for (const socket of sockets) {
      const creds = (socket.data as SocketAuth).creds;
      const p = creds ? await this.auth.authenticate(creds).catch(() => 'error' as const) : undefined;
      if (p === 'error') continue;
      if (!p) this.publisher.refuse(socket, { code: 'unauthenticated', message: 'your sign-in ended: sign in again' });
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
