import { Injectable } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import type { LiveClientToServer, LiveDelta, LiveError, LiveServerToClient, LiveSnapshot } from '@vigil/contracts';

export type LiveServer = Server<LiveClientToServer, LiveServerToClient>;
export type LiveSocket = Socket<LiveClientToServer, LiveServerToClient>;

/** Room of every signed-in dashboard; rooms per audience can be added beside it. */
export const LIVE_ROOM = 'live';

/** The only class that talks socket.io: the live feed hands it deltas, the gateway hands it the server. */
@Injectable()
export class LivePublisher {
  private server?: LiveServer;

  attach(server: LiveServer): void {
    this.server = server;
  }

  broadcast(delta: LiveDelta): void {
    this.server?.to(LIVE_ROOM).emit('live:delta', delta);
  }

  async subscribe(socket: LiveSocket, snapshot: () => LiveSnapshot): Promise<void> {
    // Join and snapshot in the same tick, so no delta falls between them.
    await socket.join(LIVE_ROOM);
    socket.emit('live:snapshot', snapshot());
  }

  refuse(socket: LiveSocket, error: LiveError): void {
    socket.emit('live:error', error);
    socket.disconnect(true);
  }

  clients(): number {
    return this.server?.of('/').sockets.size ?? 0;
  }
}
