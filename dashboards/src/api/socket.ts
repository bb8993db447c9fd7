import { io, type Socket } from 'socket.io-client';
import type { LiveClientToServer, LiveDelta, LiveError, LiveServerToClient, LiveSnapshot } from '@vigil/contracts';

export interface LiveHandlers {
  onSnapshot(s: LiveSnapshot): void;
  onDelta(d: LiveDelta): void;
  onStatus(s: 'connecting' | 'live' | 'offline'): void;
  onError(e: LiveError): void;
}

export interface LiveConnection {
  /** Ask for a fresh snapshot (after a gap in the sequence). */
  resync(): void;
  close(): void;
}

/**
 * The dashboard's one socket. Every (re)connect subscribes again, so the client
 * always starts from a snapshot: the resync-after-reconnect rule of the live protocol.
 */
export function connectLive(token: string, h: LiveHandlers): LiveConnection {
  const socket: Socket<LiveServerToClient, LiveClientToServer> = io({ path: '/socket.io', transports: ['websocket'], auth: { token } });
  h.onStatus('connecting');
  socket.on('connect', () => socket.emit('live:subscribe'));
  socket.on('disconnect', () => h.onStatus('offline'));
  socket.on('connect_error', (e: Error & { data?: LiveError }) => {
    h.onStatus('offline');
    if (e.data?.code) h.onError(e.data);
  });
  socket.on('live:snapshot', (s) => {
    h.onSnapshot(s);
    h.onStatus('live');
  });
  socket.on('live:delta', (d) => h.onDelta(d));
  socket.on('live:error', (e) => h.onError(e));
  return {
    resync: () => socket.emit('live:subscribe'),
    close: () => {
      socket.removeAllListeners();
      socket.close();
    },
  };
}
