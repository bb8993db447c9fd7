import { esc } from './html';

export interface BarSeries {
  values: number[];
  colour: string;
}

/**
 * A bar chart as inline SVG (no script, so it prints the same in Chromium's PDF): one group of
 * bars per label, the series side by side, the largest value written above the axis.
 */
export function barChart(labels: string[], series: BarSeries[], opts: { width?: number; height?: number; caption: string }): string {
  const width = opts.width ?? 680;
  const height = opts.height ?? 160;
  const left = 36;
  const bottom = 22;
  const top = 14;
  const plotW = width - left - 8;
  const plotH = height - bottom - top;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const group = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, Math.min(18, (group * 0.8) / Math.max(1, series.length)));
  const every = Math.ceil(labels.length / 16);
  const bars = series.flatMap((s, si) =>
    s.values.map((v, i) => {
      const h = (v / max) * plotH;
      const x = left + i * group + (group - barW * series.length) / 2 + si * barW;
      return `<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"/>`;
    }),
  );
  const ticks = labels.map((l, i) => (i % every === 0 ? `<text x="${(left + i * group + group / 2).toFixed(1)}" y="${height - 6}" font-size="9" text-anchor="middle" fill="#555">${esc(l)}</text>` : '')).join('');
  return [
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(opts.caption)}">`,
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 8}" y2="${top + plotH}" stroke="#999"/>`,
    `<text x="${left - 4}" y="${top + 4}" font-size="9" text-anchor="end" fill="#555">${max}</text>`,
    `<text x="${left - 4}" y="${top + plotH}" font-size="9" text-anchor="end" fill="#555">0</text>`,
    ...bars,
    ticks,
    `</svg><figcaption>${esc(opts.caption)}</figcaption></figure>`,
  ].join('');
}
