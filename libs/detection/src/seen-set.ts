const HOUR_MS = 3_600_000;

/**
 * Mention ids already processed, in two generations: the young one is retired when
 * it holds cap/2 ids or spans hours/2 of event time. An id is so remembered for at
 * least hours/2 (unless the cap is reached first) and memory never exceeds the cap.
 */
export class SeenSet {
  private young = new Map<string, number>();
  private old = new Map<string, number>();
  private youngStart = Number.NaN;

  constructor(
    private readonly cap: number,
    private readonly hours: number,
  ) {}

  has(id: string): boolean {
    return this.young.has(id) || this.old.has(id);
  }

  add(id: string, at: number): void {
    if (Number.isNaN(this.youngStart)) this.youngStart = at;
    if (this.young.size >= this.cap / 2 || at - this.youngStart >= (this.hours / 2) * HOUR_MS) {
      this.old = this.young;
      this.young = new Map();
      this.youngStart = at;
    }
    this.young.set(id, at);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  export(): { old: Array<[string, number]>; young: Array<[string, number]>; youngStart: number } {
    return { old: [...this.old], young: [...this.young], youngStart: this.youngStart };
  }

  import(s: { old: Array<[string, number]>; young: Array<[string, number]>; youngStart: number }): void {
    this.old = new Map(s.old);
    this.young = new Map(s.young);
    this.youngStart = s.youngStart;
  }
}
