// node bench/results/memory-2026-12-07/smaps-cats.mjs PID : the detector's resident memory by mapping kind (from /proc/PID/smaps)
import fs from 'node:fs';
const lines = fs.readFileSync(`/proc/${process.argv[2]}/smaps`, 'utf8').split('\n');
const cats = new Map();
let cur = null;
const add = (k, rss) => { const c = cats.get(k) ?? { n: 0, rss: 0 }; c.n++; c.rss += rss; cats.set(k, c); };
for (const l of lines) {
  const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/.exec(l);
  if (m) { if (cur) add(cur.k, cur.rss); const size = (parseInt(m[2], 16) - parseInt(m[1], 16)) / 1024; const name = m[5];
    let k = name.startsWith('/') ? 'file' : name ? name : size >= 60000 && size <= 65536 ? 'anon 60-64MB (malloc arena?)' : size % 256 === 0 && size >= 256 ? `anon ${size >= 4096 ? '>=4MB' : '256KB-multiple <4MB'}` : 'anon other';
    cur = { k, rss: 0 }; continue; }
  const r = /^Rss:\s+(\d+) kB/.exec(l); if (r && cur) cur.rss = Number(r[1]);
}
if (cur) add(cur.k, cur.rss);
for (const [k, c] of [...cats].sort((a, b) => b[1].rss - a[1].rss)) console.log(`${k.padEnd(32)} ${String(c.n).padStart(5)} maps ${(c.rss / 1024).toFixed(1).padStart(7)} MB`);
