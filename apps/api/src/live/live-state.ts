import { LIVE_ALERT_CAP, type Alert, type EnrichedMention, type LiveCounters, type LiveDelta, type LiveSnapshot, type LiveTimelinePoint, type TicketEvent } from '@vigil/contracts';
import type { Clock } from '@vigil/common';

const MINUTE = 60_000;
const TIMELINE_MINUTES = 60;
const NEGATIVE_WINDOW_MINUTES = 15;

type DeltaBody = { type: 'alert'; alert: Alert } | { type: 'ticket'; event: TicketEvent } | { type: 'counters'; counters: LiveCounters };

/**
 * What the live feed knows, with no I/O: recent alerts (bounded, deduplicated by
 * alertId), per-minute sentiment counts and the sequence every delta is numbered by.
 */
export class LiveState {
  private seq = 0;
  private readonly alerts: Alert[] = [];
  private readonly alertIds = new Set<string>();
  /** Ids of `updated` alerts a newer one replaced (bounded, oldest out first). */
  private readonly superseded = new Set<string>();
  /** minute start (ms) → counts by label. */
  private readonly minutes = new Map<number, { negative: number; neutral: number; positive: number }>();
  /** second (ms) → mentions arriving in it, for the last-60-seconds rate. */
  private readonly seconds = new Map<number, number>();
  private lastCountersKey = '';

  constructor(
    readonly instanceId: string,
    private readonly clock: Clock,
  ) {}

  snapshot(): LiveSnapshot {
    return { instanceId: this.instanceId, seq: this.seq, at: this.clock.now().toISOString(), alerts: [...this.alerts], counters: this.counters() };
  }

  /**
   * undefined for an alert already seen (alerts are re-sent after a crash with the same id). An
   * incident's `updated` alerts coalesce: the newest carries the totals, so older ones leave the
   * list (their ids are still recognised) instead of crowding other incidents out of it.
   */
  onAlert(alert: Alert): LiveDelta | undefined {
    if (this.alertIds.has(alert.alertId) || this.superseded.has(alert.alertId)) return undefined;
    if (alert.type === 'updated') {
      for (let i = this.alerts.length - 1; i >= 0; i--) {
        const old = this.alerts[i]!;
        if (old.type !== 'updated' || old.ticketId !== alert.ticketId) continue;
        this.alerts.splice(i, 1);
        this.alertIds.delete(old.alertId);
        this.superseded.add(old.alertId);
      }
      while (this.superseded.size > 4 * LIVE_ALERT_CAP) this.superseded.delete(this.superseded.values().next().value!);
    }
    this.alerts.unshift(alert);
    this.alertIds.add(alert.alertId);
    while (this.alerts.length > LIVE_ALERT_CAP) this.alertIds.delete(this.alerts.pop()!.alertId);
    return this.delta({ type: 'alert', alert });
  }

  onTicketEvent(event: TicketEvent): LiveDelta {
    return this.delta({ type: 'ticket', event });
  }

  /** Posts marked old (a back-fill of last year's reviews) are searchable but no part of what is happening now. */
  onMentions(all: Pick<EnrichedMention, 'analysis' | 'eventTime'>[]): void {
    const mentions = all.filter((m) => m.eventTime?.kind !== 'old');
    const now = this.clock.now().getTime();
    const minute = now - (now % MINUTE);
    const second = now - (now % 1000);
    const bucket = this.minutes.get(minute) ?? { negative: 0, neutral: 0, positive: 0 };
    for (const m of mentions) bucket[m.analysis.sentiment.label]++;
    this.minutes.set(minute, bucket);
    this.seconds.set(second, (this.seconds.get(second) ?? 0) + mentions.length);
    this.prune(now);
  }

  /** A counters delta when anything shown changed since the last one (the rate falls as time passes, too). */
  countersDelta(): LiveDelta | undefined {
    const counters = this.counters();
    const key = JSON.stringify({ ...counters, at: undefined });
    if (key === this.lastCountersKey) return undefined;
    this.lastCountersKey = key;
    return this.delta({ type: 'counters', counters });
  }

  counters(): LiveCounters {
    const now = this.clock.now().getTime();
    this.prune(now);
    let perMinute = 0;
    for (const [s, n] of this.seconds) if (s > now - MINUTE) perMinute += n;
    let negative = 0;
    let all = 0;
    const timeline: LiveTimelinePoint[] = [];
    for (const [m, b] of [...this.minutes].sort((a, b) => a[0] - b[0])) {
      timeline.push({ minute: new Date(m).toISOString(), ...b });
      if (m > now - NEGATIVE_WINDOW_MINUTES * MINUTE) {
        negative += b.negative;
        all += b.negative + b.neutral + b.positive;
      }
    }
    return { at: new Date(now).toISOString(), mentionsPerMinute: perMinute, negativeShare: all ? negative / all : 0, windowMinutes: NEGATIVE_WINDOW_MINUTES, timeline: timeline.slice(-TIMELINE_MINUTES) };
  }

  private prune(now: number): void {
    for (const m of this.minutes.keys()) if (m <= now - TIMELINE_MINUTES * MINUTE) this.minutes.delete(m);
    for (const s of this.seconds.keys()) if (s <= now - MINUTE) this.seconds.delete(s);
  }

  private delta(body: DeltaBody): LiveDelta {
    this.seq += 1;
    return { ...body, instanceId: this.instanceId, seq: this.seq, at: this.clock.now().toISOString() } as LiveDelta;
  }
}
