import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { Alert, LiveCounters, LiveDelta, LiveSnapshot, SeverityLevel } from '@vigil/contracts';
import { connectLive, type LiveConnection } from '../api/socket';
import { useTicketsStore } from './tickets';
import { useToastStore } from './toasts';

/** As many alerts as the server keeps (LIVE_ALERT_CAP); the list never grows past it. */
export const ALERT_CAP = 150;
const TOAST_LEVELS: SeverityLevel[] = ['urgent', 'major'];

export type DeltaOutcome = 'applied' | 'stale' | 'resync';

/**
 * The live protocol on the client: a snapshot sets the sequence, deltas must follow it
 * one by one. Older ones are dropped, a gap or a new server instance asks for a resync.
 */
export const useLiveStore = defineStore('live', () => {
  const status = ref<'offline' | 'connecting' | 'live' | 'resyncing'>('offline');
  const instanceId = ref<string>();
  const seq = ref(0);
  const alerts = ref<Alert[]>([]);
  const counters = ref<LiveCounters>();
  const lastError = ref<string>();
  let conn: LiveConnection | undefined;

  function applySnapshot(s: LiveSnapshot): void {
    instanceId.value = s.instanceId;
    seq.value = s.seq;
    alerts.value = s.alerts.slice(0, ALERT_CAP);
    counters.value = s.counters;
    status.value = 'live';
    // Ticket events sent before this snapshot may never have reached this tab: read again what it shows.
    useTicketsStore().resync();
  }

  function applyDelta(d: LiveDelta): DeltaOutcome {
    if (d.instanceId === instanceId.value && d.seq <= seq.value) return 'stale';
    if (d.instanceId !== instanceId.value || d.seq !== seq.value + 1) {
      status.value = 'resyncing';
      conn?.resync();
      return 'resync';
    }
    seq.value = d.seq;
    switch (d.type) {
      case 'alert':
        onAlert(d.alert);
        break;
      case 'ticket':
        useTicketsStore().onTicketEvent(d.event);
        break;
      case 'counters':
        counters.value = d.counters;
        break;
      default: {
        const never: never = d;
        return never;
      }
    }
    return 'applied';
  }

  function onAlert(a: Alert): void {
    if (alerts.value.some((x) => x.alertId === a.alertId)) return;
    // An incident's newest update carries its totals; older updates of it would only take room.
    const kept = a.type === 'updated' ? alerts.value.filter((x) => !(x.type === 'updated' && x.ticketId === a.ticketId)) : alerts.value;
    alerts.value = [a, ...kept].slice(0, ALERT_CAP);
    // Updates and cooling of an incident already on screen change its row, not the user's focus.
    if (TOAST_LEVELS.includes(a.level) && a.type !== 'updated' && a.type !== 'cooling') useToastStore().push({ kind: 'alert', level: a.level, text: `${a.ticketId} ${a.title}` });
  }

  /** `token` is read at every (re)connect; `renew` gets a new one when the server ends the socket's sign-in. */
  function start(token: () => string | undefined, renew: () => Promise<boolean>): void {
    stop();
    conn = connectLive(token, {
      onSnapshot: applySnapshot,
      onDelta: applyDelta,
      onStatus: (s) => (status.value = s === 'live' ? 'live' : s),
      onError: (e) => (lastError.value = e.message),
      onAuthLost: renew,
    });
  }

  function stop(): void {
    conn?.close();
    conn = undefined;
    status.value = 'offline';
  }

  return { status, instanceId, seq, alerts, counters, lastError, applySnapshot, applyDelta, start, stop };
});
