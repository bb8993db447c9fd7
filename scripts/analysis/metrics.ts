/** Scoring helpers for the analysis evaluation: confusion matrices, recall per class, tables. */

export const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '  – ').padStart(5) + ' %';

/**
 * Confusion of gold classes (rows) against predicted classes (columns). Predictions may use a
 * class the gold data lacks (neutral on binary data): such rows count as wrong.
 */
export class Confusion {
  readonly cm: number[][];
  constructor(readonly gold: string[], readonly pred: string[]) {
    this.cm = gold.map(() => new Array<number>(pred.length).fill(0));
  }
  add(g: number, p: number): void { this.cm[g]![p]!++; }
  get n(): number { return this.cm.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0); }
  /** Correct = gold class i predicted as the predicted class of the same name. */
  get accuracy(): number {
    let ok = 0;
    this.gold.forEach((g, i) => { const j = this.pred.indexOf(g); if (j >= 0) ok += this.cm[i]![j]!; });
    return ok / (this.n || 1);
  }
  recall(gold: string): number {
    const i = this.gold.indexOf(gold); const j = this.pred.indexOf(gold);
    const row = this.cm[i]!; const tot = row.reduce((a, b) => a + b, 0);
    return j >= 0 && tot ? row[j]! / tot : NaN;
  }
  precision(cls: string): number {
    const i = this.gold.indexOf(cls); const j = this.pred.indexOf(cls);
    if (j < 0) return NaN;
    const col = this.cm.reduce((s, r) => s + r[j]!, 0);
    return i >= 0 && col ? this.cm[i]![j]! / col : NaN;
  }
  /** Share of all rows predicted as `cls` (neutral on binary data). */
  share(cls: string): number {
    const j = this.pred.indexOf(cls);
    return j < 0 ? 0 : this.cm.reduce((s, r) => s + r[j]!, 0) / (this.n || 1);
  }
  macroF1(): number {
    let s = 0;
    for (const g of this.gold) { const p = this.precision(g), r = this.recall(g); s += p + r > 0 ? (2 * p * r) / (p + r) : 0; }
    return s / this.gold.length;
  }
  /** One line: "gold→pred counts" row by row, e.g. `neg[812 31 40] pos[…]`. */
  compact(): string {
    return this.gold.map((g, i) => `${g}[${this.cm[i]!.join(' ')}]`).join(' ');
  }
}

export const BIN_GOLD = ['neg', 'pos'];
export const TRI = ['neg', 'neu', 'pos'];

export function table(header: string[], rows: (string | number)[][], widths?: number[]): string {
  const w = widths ?? header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const fmt = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]!) : String(c).padStart(w[i]!))).join('  ');
  return [fmt(header), ...rows.map(fmt)].join('\n');
}
