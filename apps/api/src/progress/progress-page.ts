import type { ProgressView, PublicStatus } from '@vigil/contracts';

const STATUS: Record<PublicStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  in_progress: { zh: '处理中', en: 'Being handled' },
  waiting_for_you: { zh: '等待您的回复', en: 'Waiting for your reply' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已结案', en: 'Closed' },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Shown in Beijing time: the complainants of the default plan read Chinese. */
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + ' (UTC+8)';

/** The complainant's page: plain HTML, no script, every value escaped, a stylesheet from our origin. */
export function renderProgressPage(v: ProgressView): string {
  const s = STATUS[v.status];
  const row = (zh: string, en: string, value: string) => `<tr><th>${zh}<br><span>${en}</span></th><td>${value}</td></tr>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>投诉进度 / Complaint progress ${escape(v.reference)}</title>
<link rel="stylesheet" href="/p/assets/progress.css"></head>
<body><main>
<h1>投诉进度查询 <span>Complaint progress</span></h1>
<table>
${row('受理编号', 'Reference', `<strong data-field="reference">${escape(v.reference)}</strong>`)}
${row('当前状态', 'Status', `<strong data-field="status" class="status-${v.status}">${s.zh} / ${s.en}</strong>`)}
${v.receivedAt ? row('提交时间', 'Received', escape(when(v.receivedAt))) : ''}
${v.promisedBy ? row('承诺答复时间', 'We promised an answer by', `<span data-field="promisedBy">${escape(when(v.promisedBy))}</span>`) : ''}
${v.lastUpdate ? row('最新进展', 'Latest update', `<p data-field="lastUpdate">${escape(v.lastUpdate.text)}</p><small>${escape(when(v.lastUpdate.at))}</small>`) : ''}
</table>
<p class="note">此页面仅显示您本次投诉的公开进展。如需补充信息，请回复我们的客服。<br>This page shows only the public progress of your complaint. To add anything, reply to our service team.</p>
</main></body></html>`;
}

export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>未找到 / Not found</title>
<link rel="stylesheet" href="/p/assets/progress.css"></head>
<body><main><h1>未找到该进度页 <span>No such progress page</span></h1>
<p>链接无效或已过期。请核对链接，或联系客服并提供受理编号。<br>The link is not valid or has expired. Check it, or contact us with your reference number.</p></main></body></html>`;

export const PROGRESS_CSS = `body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;background:#f5f6f8;color:#1d2330;margin:0}
main{max-width:36rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
h1{font-size:1.3rem}h1 span,th span{color:#667;font-weight:normal;font-size:.85em}
table{width:100%;border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.6rem .4rem;border-bottom:1px solid #eee}
th{width:38%;font-weight:600}td p{margin:0 0 .3rem;white-space:pre-wrap}small{color:#667}
.status-resolved,.status-closed{color:#1a7f37}.status-waiting_for_you{color:#b35900}.note{color:#556;font-size:.85rem;margin-top:1.2rem}`;
