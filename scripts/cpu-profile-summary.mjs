// Summarise a .cpuprofile: self time per function and per bucket (idle, gc, program, by file)
import fs from 'node:fs';
const [file, fromS, toS] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
let t = p.startTime; const total0 = { v: 0 };
const from = fromS ? p.startTime + Number(fromS) * 1e6 : 0, to = toS ? p.startTime + Number(toS) * 1e6 : Infinity;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i];
  if (t < from || t > to) continue;
  const dt = p.timeDeltas[i + 1] ?? 0;
  self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt); total0.v += dt;
}
const total = total0.v;
const fn = new Map(), file_ = new Map();
const bucket = (n) => {
  const cf = n.callFrame; const u = cf.url;
  if (cf.functionName === '(idle)') return '(idle)';
  if (cf.functionName === '(garbage collector)') return '(gc)';
  if (cf.functionName === '(program)') return '(program)';
  if (!u) return '(native ' + cf.functionName + ')';
  const m = u.match(/node_modules\/((@[^/]+\/)?[^/]+)/); if (m) return m[1];
  if (u.startsWith('node:')) return u;
  const d = u.match(/dist\/(.*?\/src|bench)\//); return d ? d[1] : u;
};
for (const [id, us] of self) {
  const n = byId.get(id); const cf = n.callFrame;
  const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`;
  fn.set(k, (fn.get(k) ?? 0) + us);
  const b = bucket(n); file_.set(b, (file_.get(b) ?? 0) + us);
}
// inclusive by top-level "owner": walk up to find first frame from our code categories
const incl = new Map();
for (const [id, us] of self) {
  let cur = byId.get(id); const seen = new Set();
  while (cur) { const b = bucket(cur); if (!seen.has(b)) { incl.set(b, (incl.get(b) ?? 0) + us); seen.add(b); } cur = byId.get(parent.get(cur.id)); }
}
const pr = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / total).toFixed(1).padStart(5)}%  ${(v / 1e3).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
console.log(`total ${(total / 1e6).toFixed(1)} s`);
console.log('--- self by bucket'); console.log(pr(file_, 25));
console.log('--- inclusive by bucket'); console.log(pr(incl, 25));
console.log('--- self by function'); console.log(pr(fn, 40));
