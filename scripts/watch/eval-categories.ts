/**
 * Complaint categories per industry, measured (npm run eval:categories). Three questions:
 *
 * 1. The airline case of issue #15: negative posts about airlines fell into `other` with the
 *    retail taxonomy. The only airline posts we have are TweetEval tweets (sentiment, emotion,
 *    irony), picked by patterns that are no category's keywords (a small sample: the counts are
 *    printed); negative = the analyzer says negative (that is when `other` is given).
 * 2. Does a new taxonomy work from keywords and a handful of examples, with no training? CFPB
 *    complaint narratives with their Product as the label: a taxonomy of 8 products, keywords
 *    written from the product names, 5 examples per product drawn (by hash) from one half, scored
 *    on the other half: keywords only, examples only, both.
 * 3. The default (retail) taxonomy on held-out negative food-delivery reviews (zh), with and without
 *    its example posts: how much the examples add where keywords already cover most.
 *
 * Prints figures; asserts nothing.
 */
import { createAnalyzer, AIRLINE_TAXONOMY, DEFAULT_TAXONOMY, type CategoryDef } from '../../libs/analysis/src';
import { fnv1a } from '../../libs/analysis/src/features';
import { isHeldOut, loadCfpb, loadWaimai } from '../analysis/data';
import { readTweets } from './tweets';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

// --- 1. airline ------------------------------------------------------------------------------
/**
 * Posts a watch for an airline would take: naming an airline (or "airline"); and, wider, posts
 * about flying (flight, airport). Neither pattern is a keyword of any category.
 */
const NAMES_AN_AIRLINE = /\b(airlines?|airways|airline's)\b|#?\b(americanair|american airlines|southwestair|southwest airlines|jetblue|easyjet|ryanair|lufthansa|luthansa|britishairways|british airways|virginatlantic|virgin atlantic|emirates|aircanada|air canada|alaskaair|spiritairlines|klm|qantas|dontflyba|unitedairlines|united airlines?|deltaairlines|delta airlines|flydelta|aeroflot|airasia|flybe|monarch)\b/i;
const ABOUT_FLYING = /\b(flights?|airport)\b/i;

function airline(): void {
  const retail = createAnalyzer();
  const air = createAnalyzer({ taxonomy: AIRLINE_TAXONOMY });
  const tweets = readTweets();
  for (const [name, pattern] of [['naming an airline', NAMES_AN_AIRLINE], ['naming an airline, or about flights and airports', new RegExp(`${NAMES_AN_AIRLINE.source}|${ABOUT_FLYING.source}`, 'i')]] as const) {
    const posts = tweets.filter((t) => pattern.test(t));
    let negatives = 0;
    const other = { retail: 0, airline: 0 };
    const byCategory = new Map<string, number>();
    const samples: string[] = [];
    for (const text of posts) {
      const a = retail.analyze({ text }).analysis;
      if (a.sentiment.label !== 'negative') continue;
      const b = air.analyze({ text }).analysis;
      negatives++;
      if (a.categories[0]?.id === 'other') other.retail++;
      if (b.categories[0]?.id === 'other') other.airline++;
      for (const c of b.categories) byCategory.set(c.id, (byCategory.get(c.id) ?? 0) + 1);
      if (samples.length < 10 && fnv1a(text) % 2 === 0) samples.push(`    [${b.categories.map((c) => c.id).join(', ')}] ${text.slice(0, 110)}`);
    }
    console.log(`\n## 1. TweetEval tweets ${name}: ${posts.length}, of which the analyzer calls ${negatives} negative`);
    console.log(`negative posts in \`other\` (no category): retail taxonomy ${other.retail} (${pct(other.retail, negatives)}) → airline taxonomy ${other.airline} (${pct(other.airline, negatives)}); given a category: ${pct(negatives - other.retail, negatives)} → ${pct(negatives - other.airline, negatives)}`);
    console.log(`airline categories among them: ${[...byCategory.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log('a sample (every other one by hash; read them):');
    for (const s of samples) console.log(s);
  }
}

// --- 2. CFPB ---------------------------------------------------------------------------------
const PRODUCTS: { id: string; label: RegExp; name: string; keywords: string[] }[] = [
  { id: 'credit_reporting', label: /^Credit reporting/, name: 'Credit reporting', keywords: ['credit report', 'credit reporting', 'credit bureau', 'credit score', 'equifax', 'experian', 'transunion'] },
  { id: 'debt_collection', label: /^Debt collection/, name: 'Debt collection', keywords: ['debt collector', 'collection agency', 'collections', 'debt collection', 'collect a debt'] },
  { id: 'mortgage', label: /^Mortgage/, name: 'Mortgage', keywords: ['mortgage', 'home loan', 'escrow', 'foreclosure', 'refinance', 'loan modification'] },
  { id: 'credit_card', label: /^Credit card/, name: 'Credit card', keywords: ['credit card', 'card', 'statement balance', 'annual fee', 'credit limit'] },
  { id: 'bank_account', label: /^Checking or savings/, name: 'Bank account', keywords: ['checking account', 'savings account', 'overdraft', 'deposit', 'branch'] },
  { id: 'student_loan', label: /^Student loan/, name: 'Student loan', keywords: ['student loan', 'student loans', 'navient', 'loan servicer', 'forbearance'] },
  { id: 'vehicle_loan', label: /^Vehicle loan/, name: 'Vehicle loan', keywords: ['car loan', 'auto loan', 'vehicle', 'repossess', 'repossession', 'lease'] },
  { id: 'money_transfer', label: /^Money transfer/, name: 'Money transfer', keywords: ['wire transfer', 'money transfer', 'paypal', 'western union', 'zelle', 'venmo'] },
  { id: 'payday_loan', label: /^Payday loan/, name: 'Payday and personal loans', keywords: ['payday loan', 'title loan', 'personal loan', 'installment loan'] },
];
const EXAMPLES_PER_CATEGORY = 5;

function cfpb(): void {
  const rows = loadCfpb()
    .map((r) => ({ ...r, cat: PRODUCTS.find((p) => p.label.test(r.product))?.id }))
    .filter((r): r is typeof r & { cat: string } => r.cat !== undefined);
  const train = rows.filter((r) => !isHeldOut(r.text));
  const test = rows.filter((r) => isHeldOut(r.text));
  // Examples: the first few per category in hash order, so nobody picks them.
  const examples = new Map<string, string[]>();
  for (const r of [...train].sort((a, b) => fnv1a(a.text) - fnv1a(b.text))) {
    const list = examples.get(r.cat) ?? [];
    if (list.length < EXAMPLES_PER_CATEGORY) list.push(r.text.slice(0, 500));
    examples.set(r.cat, list);
  }
  const variants: [string, CategoryDef[]][] = [
    ['keywords only', PRODUCTS.map((p) => ({ id: p.id, keywords: p.keywords }))],
    ['examples only', PRODUCTS.map((p) => ({ id: p.id, keywords: [], examples: examples.get(p.id) ?? [] }))],
    ['keywords + examples', PRODUCTS.map((p) => ({ id: p.id, keywords: p.keywords, examples: examples.get(p.id) ?? [] }))],
  ];
  console.log(`\n## 2. a new taxonomy from keywords and ${EXAMPLES_PER_CATEGORY} examples each, no training: CFPB narratives, label = Product (${PRODUCTS.length} products)`);
  console.log(`held-out half: ${test.length} narratives (examples drawn from the other ${train.length}); chance (largest class) ${pct(Math.max(...PRODUCTS.map((p) => test.filter((r) => r.cat === p.id).length)), test.length)}`);
  for (const [name, taxonomy] of variants) {
    const a = createAnalyzer({ taxonomy });
    let covered = 0;
    let top1 = 0;
    let anyRight = 0;
    for (const r of test) {
      const cats = a.analyze({ text: r.text }).analysis.categories.filter((c) => c.id !== 'other');
      if (!cats.length) continue;
      covered++;
      if (cats[0]!.id === r.cat) top1++;
      if (cats.some((c) => c.id === r.cat)) anyRight++;
    }
    console.log(`${name.padEnd(20)} gets a category: ${pct(covered, test.length)}; top category right: ${pct(top1, test.length)} of all (${pct(top1, covered)} of those with one); right one among its categories: ${pct(anyRight, test.length)}`);
  }
}

// --- 3. waimai -------------------------------------------------------------------------------
function waimai(): void {
  const negatives = loadWaimai().rows.filter((r) => r.label === 0 && isHeldOut(r.text));
  const withExamples = createAnalyzer();
  const keywordsOnly = createAnalyzer({ taxonomy: DEFAULT_TAXONOMY.map((c) => ({ ...c, examples: [] })) });
  let a = 0;
  let b = 0;
  for (const r of negatives) {
    if (keywordsOnly.analyze({ text: r.text }).analysis.categories.some((c) => c.id !== 'other')) a++;
    if (withExamples.analyze({ text: r.text }).analysis.categories.some((c) => c.id !== 'other')) b++;
  }
  console.log(`\n## 3. default (retail) taxonomy, held-out negative food-delivery reviews (zh/waimai, ${negatives.length})`);
  console.log(`get a category: keywords only ${pct(a, negatives.length)} → with its example posts ${pct(b, negatives.length)}`);
}

console.log('# complaint categories per industry (scripts/watch/eval-categories.ts)');
airline();
cfpb();
waimai();
