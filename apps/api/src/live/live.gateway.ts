import { type OnGatewayConnection, type OnGatewayInit, SubscribeMessage, WebSocketGateway, ConnectedSocket } from '@nestjs/websockets';
import { createLogger } from '@vigil/common';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/roles';
import { LiveFeedService } from './live-feed.service';
import { LivePublisher, type LiveServer, type LiveSocket } from './live.publisher';

/**
 * socket.io on the api's own port (path /socket.io). The handshake must carry
 * `auth: { token }` (a login JWT) or `auth: { apiKey }`; anything else is refused
 * and disconnected. Every role may watch (viewer and above).
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = createLogger('api');

  constructor(
    private readonly auth: AuthService,
    private readonly feed: LiveFeedService,
    private readonly publisher: LivePublisher,
  ) {}

  afterInit(server: LiveServer): void {
    this.publisher.attach(server);
    // Authenticate before the connection is accepted, so an unauthenticated client never gets a socket.
    server.use((socket, next) => {
      const a = (socket.handshake.auth ?? {}) as { token?: unknown; apiKey?: unknown };
      const creds = { bearer: typeof a.token === 'string' ? a.token : undefined, apiKey: typeof a.apiKey === 'string' ? a.apiKey : undefined };
      this.auth.authenticate(creds).then(
        (p) => {
          if (!p) return next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated', message: 'sign in first' } }));
          (socket.data as { principal?: Principal }).principal = p;
          next();
        },
        (e: Error) => next(e),
      );
    });
  }

  handleConnection(socket: LiveSocket): void {
    const p = (socket.data as { principal?: Principal }).principal;
    if (!p) return this.publisher.refuse(socket, { code: 'unauthenticated', message: 'sign in first' });
    this.logger.debug({ socketId: socket.id, user: p.name }, 'live client connected');
  }

  @SubscribeMessage('live:subscribe')
  async onSubscribe(@ConnectedSocket() socket: LiveSocket): Promise<void> {
    await this.publisher.subscribe(socket, () => this.feed.snapshot());
  }
}
