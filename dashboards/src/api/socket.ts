import { io, type Socket } from 'socket.io-client';
import type { LiveClientToServer, LiveDelta, LiveError, LiveServerToClient, LiveSnapshot } from '@vigil/contracts';

export interface LiveHandlers {
  onSnapshot(s: LiveSnapshot): void;
  onDelta(d: LiveDelta): void;
  onStatus(s: 'connecting' | 'live' | 'offline'): void;
  onError(e: LiveError): void;
  /**
   * The server ended the socket because its sign-in ended (the token expired, the user was
   * disabled): renew the token; true reconnects with the new one.
   */
  onAuthLost(): Promise<boolean>;
}

export interface LiveConnection {
  /** Ask for a fresh snapshot (after a gap in the sequence). */
  resync(): void;
  close(): void;
}

/**
 * The dashboard's one socket. Every (re)connect subscribes again, so the client
 * always starts from a snapshot: the resync-after-reconnect rule of the live protocol.
 * Each (re)connect sends the token current at that moment (the token is renewed while
 * the page is open).
 */
export function connectLive(token: () => string | undefined, h: LiveHandlers): LiveConnection {
  const socket: Socket<LiveServerToClient, LiveClientToServer> = io({ path: '/socket.io', transports: ['websocket'], auth: (cb) => cb({ token: token() }) });
  let authLost = false;
  h.onStatus('connecting');
  socket.on('connect', () => socket.emit('live:subscribe'));
  socket.on('disconnect', (reason) => {
    h.onStatus('offline');
    // The server hung up on purpose (socket.io does not reconnect by itself then).
    if (reason === 'io server disconnect' && authLost) {
      authLost = false;
      void h.onAuthLost().then((again) => again && socket.connect());
    }
  });
  socket.on('connect_error', (e: Error & { data?: LiveError }) => {
    h.onStatus('offline');
    if (e.data?.code) h.onError(e.data);
  });
  socket.on('live:snapshot', (s) => {
    h.onSnapshot(s);
    h.onStatus('live');
  });
  socket.on('live:delta', (d) => h.onDelta(d));
  socket.on('live:error', (e) => {
    if (e.code === 'unauthenticated') authLost = true;
    else h.onError(e);
  });
  return {
    resync: () => socket.emit('live:subscribe'),
    close: () => {
      socket.removeAllListeners();
      socket.close();
    },
  };
}
