/**
 * How fast this machine runs plain JavaScript right now. Its cores are shared with other
 * tenants: the same benchmark on the same code has moved by 1.8× within an hour, and this
 * loop by 1.5× within seconds. Benchmarks sample it between their timed parts and print the
 * mean beside their figure, so two runs can be told apart: slower code, or a slower machine.
 * The loop is FNV-1a over a fixed string: integer maths, no allocation.
 */
const TEXT = 'vigil reference loop: 投诉 complaint 退款 refund '.repeat(64);
// Written by the loop and kept at module level, so the loop cannot be optimised away.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- never read on purpose: only written
let sink = 0;

/** Millions of loop steps per second over about `ms` milliseconds. */
export function sampleSpeed(ms = 10): number {
  let steps = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) {
    let h = 0x811c9dc5;
    for (let i = 0; i < TEXT.length; i++) h = Math.imul(h ^ TEXT.charCodeAt(i), 0x01000193);
    sink ^= h;
    steps += TEXT.length;
  }
  return steps / (Number(process.hrtime.bigint() - t0) / 1e3);
}

/** Samples taken during a run: mean, min and max. */
export class SpeedLog {
  private readonly xs: number[] = [];
  sample(ms = 10): void {
    this.xs.push(sampleSpeed(ms));
  }
  toString(): string {
    if (this.xs.length === 0) return 'no samples';
    const mean = this.xs.reduce((a, b) => a + b, 0) / this.xs.length;
    return `${mean.toFixed(0)} M steps/s mean (${Math.min(...this.xs).toFixed(0)}–${Math.max(...this.xs).toFixed(0)}, ${this.xs.length} samples)`;
  }
}
