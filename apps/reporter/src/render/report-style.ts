/** Print styles: A4, the CJK font the machine has (Noto Sans CJK via fonts-noto-cjk), no page break inside a row or an incident. */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 11px; color: #222; margin: 0; }
header h1 { font-size: 20px; margin: 0 0 8px; color: #1f2d3d; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; color: #444; }
header dt { font-weight: 600; }
header dd { margin: 0; }
h2 { font-size: 15px; border-bottom: 2px solid #5b8def; padding-bottom: 2px; margin: 18px 0 8px; color: #1f2d3d; page-break-after: avoid; }
h3 { font-size: 12px; margin: 10px 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid #d8dde6; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f2f5fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; }
.empty { font-size: 14px; padding: 16px; background: #f7f8fa; border: 1px dashed #aab; }
.more { color: #666; font-style: italic; }
.incident { border: 1px solid #e2e6ee; border-radius: 4px; padding: 6px 10px; margin: 6px 0; page-break-inside: avoid; }
.incident h3 { margin: 0 0 2px; }
.facts { color: #555; margin: 0 0 4px; }
.steps { margin: 0; padding-left: 18px; }
.steps .when { color: #666; font-variant-numeric: tabular-nums; }
.note { color: #666; }
.review { margin: 4px 0 0; }
.chart { margin: 6px 0; }
figcaption { color: #555; font-size: 10px; }
.big { font-size: 20px; font-weight: 600; margin: 4px 0; }
.defs dt { font-weight: 600; margin-top: 4px; }
.defs dd { margin: 0 0 2px 0; color: #444; }
footer { margin-top: 18px; color: #888; font-size: 9px; }
`;
