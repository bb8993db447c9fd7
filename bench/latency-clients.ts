/**
 * The dashboard side of `npm run bench:latency`, in a process of its own so the server's CPU
 * and memory are the server's. Connects N signed-in socket.io clients, and for every
 * detector-caused alert each of them receives, reports (receive time − the post's time).
 * Messages from the parent: { base, token, clients }; to the parent: 'ready', { latencies }.
 */
import { io, type Socket } from 'socket.io-client';
import type { LiveDelta } from '@vigil/contracts';

interface Start {
  base: string;
  token: string;
  clients: number;
}

process.once('message', (m: Start) => {
  const sockets: Socket[] = [];
  let ready = 0;
  let batch: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < m.clients; i++) {
    const s = io(m.base, { path: '/socket.io', transports: ['websocket'], auth: { token: m.token }, reconnection: false });
    s.on('connect', () => s.emit('live:subscribe'));
    s.once('live:snapshot', () => {
      if (++ready === m.clients) process.send!('ready');
    });
    s.on('live:delta', (d: LiveDelta) => {
      if (d.type !== 'alert' || !d.alert.cause) return;
      batch.push(Date.now() - Date.parse(d.alert.cause.postAt));
      seen.add(d.alert.alertId);
    });
    s.on('connect_error', (e) => process.send!({ error: `client ${i}: ${e.message}` }));
    sockets.push(s);
  }
  // Report in batches: one IPC message per delivery would be the bottleneck at 1000 clients.
  const flush = setInterval(() => {
    if (batch.length) process.send!({ latencies: batch, alerts: [...seen] });
    batch = [];
    seen.clear();
  }, 250);
  process.on('disconnect', () => {
    clearInterval(flush);
    sockets.forEach((s) => s.close());
    process.exit(0);
  });
});
