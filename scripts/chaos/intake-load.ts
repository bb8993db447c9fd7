/**
 * Steady load on the collector's intake endpoint, as a form backend would send it: a fixed rate,
 * each post with its own id, sent again with the same id (the endpoint is idempotent on it) when
 * the answer is a 5xx or never comes, at most `attempts` times. A post counts as accepted only on
 * a 202; one never accepted is "refused" (the caller knows it must send it later), not lost.
 */
export interface PhaseLedger {
  accepted: Set<string>;
  refused: number;
  attempts: number;
}

const TEXTS = [
  (i: number) => `鲜达外卖第${i}单又超时一个小时，饭菜都凉了，客服也不回`,
  (i: number) => `FreshDash order ${i} arrived two hours late and the soup was spilled`,
  (i: number) => `鲜达的骑手把第${i}单放在门口就走了，丢了也不管`,
  (i: number) => `Refund for FreshDash order ${i} still not processed after a week`,
  // Now and then a complaint that threatens to go to the regulator and the press: a single
  // complaint the plan gives a ticket of its own, so duplicate tickets can show.
  (i: number) => `鲜达外卖订单${i}吃出异物，孩子吃完呕吐去了医院，我要向12315投诉并找媒体曝光`,
];

export class IntakeLoad {
  private running = false;
  private loop?: Promise<void>;
  private seq = 0;
  private readonly inFlight = new Set<Promise<void>>();
  phase = 'warmup';
  readonly ledgers = new Map<string, PhaseLedger>();

  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly perSecond: number,
    private readonly attempts = 4,
  ) {}

  ledger(phase: string): PhaseLedger {
    let l = this.ledgers.get(phase);
    if (!l) this.ledgers.set(phase, (l = { accepted: new Set(), refused: 0, attempts: 0 }));
    return l;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      const every = 1000 / this.perSecond;
      let next = Date.now();
      while (this.running) {
        // At most 32 posts in flight: a server that stops answering slows the load, not the suite.
        if (this.inFlight.size < 32) {
          const p = this.post(this.phase, this.seq++).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        }
        next += every;
        await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      }
    })();
  }

  /** Stops sending and waits for every post in flight to be answered (or given up). */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  /** One post sent now, once (no retry): its id when accepted. The suite waits for it to be searchable. */
  async probe(phase: string): Promise<string | undefined> {
    const id = `${phase}-probe-${this.seq++}`;
    try {
      const r = await fetch(`${this.url}/api/intake/form`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.key}` },
        body: JSON.stringify({ id, text: `鲜达外卖探针 ${id}：配送又迟到了`, time: new Date().toISOString() }),
        signal: AbortSignal.timeout(5_000),
      });
      await r.arrayBuffer();
      if (r.status !== 202) return undefined;
      this.ledger(phase).accepted.add(id);
      return id;
    } catch {
      return undefined;
    }
  }
  /** `count` probes one after another, each of which must be accepted: the ids, or an error naming the first refused. */
  async probes(phase: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = await this.probe(phase);
      if (!id) throw new Error(`intake post ${i} was not accepted`);
      ids.push(id);
    }
    return ids;
  }


  private async post(phase: string, i: number): Promise<void> {
    const id = `${phase}-${i}`;
    const ledger = this.ledger(phase);
    const body = JSON.stringify({ id, text: TEXTS[i % TEXTS.length]!(i), time: new Date().toISOString() });
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      ledger.attempts++;
      try {
        const r = await fetch(`${this.url}/api/intake/form`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.key}` },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await r.arrayBuffer();
        if (r.status === 202) {
          ledger.accepted.add(id);
          return;
        }
        if (r.status < 500) throw new Error(`intake answered ${r.status} for ${id}: the load is wrong, not the system`);
      } catch (e) {
        if (String((e as Error).message).startsWith('intake answered')) throw e;
      }
      await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
    }
    ledger.refused++;
  }
}
