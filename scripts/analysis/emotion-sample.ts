/**
 * Draws the Chinese anger sample (there is no labelled Chinese anger data in ../shared/data):
 * 150 negative and 50 positive reviews from the Chinese corpora, ordered by a seeded hash, to be
 * labelled by a person (1 = the writer is angry: insults, outrage, rhetorical attacks, threats,
 * shouting; 0 = calm, merely dissatisfied, or positive). Drawn before the emotion rules of #18
 * changed; it refuses to overwrite a labelled file.
 *
 *   npx tsx scripts/analysis/emotion-sample.ts data/emotion/zh-anger-sample.tsv
 */
import * as fs from 'node:fs';
import { fnv1a } from '../../libs/analysis/src/features';
import { zhDomains } from './data';

const out = process.argv[2];
if (!out) throw new Error('usage: emotion-sample.ts <out.tsv>');
if (fs.existsSync(out)) throw new Error(`${out} exists: labels are never overwritten`);
const rows = zhDomains().filter((d) => !d.testOnly).flatMap((d) => d.rows.map((r) => ({ ...r, domain: d.name })));
const order = (xs: typeof rows) => [...xs].sort((a, b) => fnv1a('anger:' + a.text) - fnv1a('anger:' + b.text));
const picked = [...order(rows.filter((r) => r.label === 0)).slice(0, 150), ...order(rows.filter((r) => r.label === 1)).slice(0, 50)];
fs.writeFileSync(out, ['domain\tpolarity\tid\ttext\tangry', ...picked.map((r) => [r.domain, r.label, fnv1a(r.text).toString(16), r.text.replace(/\s+/g, ' '), ''].join('\t'))].join('\n') + '\n');
console.log(`${out}: ${picked.length} rows`);
