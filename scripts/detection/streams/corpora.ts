/**
 * Real texts (and, for CFPB, real dates and companies) from ../shared/data, loaded once.
 * Nobody on this project wrote them; the streams only decide when they are posted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir, loadCfpbAll, type CfpbAllRow } from '../data';
import { parse } from 'csv-parse/sync';

export interface Text {
  text: string;
  /** From the data set's own label: 0 negative, 1 neutral, 2 positive. */
  polarity: 0 | 1 | 2;
  title?: string;
  rating?: number;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
}

let waimai: Text[] | undefined;
export function waimaiTexts(): Text[] {
  return (waimai ??= readCsv('zh/waimai_10k.csv')
    .map((r) => ({ text: (r.review ?? '').trim(), polarity: (r.label === '1' ? 2 : 0) as 0 | 2 }))
    .filter((t) => t.text));
}

let shopping: Map<string, Text[]> | undefined;
/** Online-shopping reviews by product domain (平板, 手机, 衣服, 计算机, …). */
export function shoppingTexts(cat: string): Text[] {
  if (!shopping) {
    shopping = new Map();
    for (const r of readCsv('zh/online_shopping_9_cats.csv')) {
      const text = (r.review ?? '').trim();
      if (!text) continue;
      const list = shopping.get(r.cat ?? '') ?? [];
      list.push({ text, polarity: r.label === '1' ? 2 : 0 });
      shopping.set(r.cat ?? '', list);
    }
  }
  return shopping.get(cat) ?? [];
}

let tweets: Text[] | undefined;
/** TweetEval sentiment (test + val): real tweets with their 3-class label. */
export function tweetTexts(): Text[] {
  if (tweets) return tweets;
  tweets = [];
  for (const split of ['test', 'val']) {
    const texts = fs.readFileSync(path.join(dataDir, `en/tweeteval/sentiment/${split}_text.txt`), 'utf8').split('\n');
    const labels = fs.readFileSync(path.join(dataDir, `en/tweeteval/sentiment/${split}_labels.txt`), 'utf8').split('\n');
    texts.forEach((t, i) => {
      const l = Number(labels[i]);
      if (t.trim() && (l === 0 || l === 1 || l === 2)) tweets!.push({ text: t.trim(), polarity: l as 0 | 1 | 2 });
    });
  }
  return tweets;
}

let uci: Text[] | undefined;
/** UCI labelled sentences (amazon cells, yelp, imdb). */
export function uciTexts(): Text[] {
  if (uci) return uci;
  uci = [];
  for (const which of ['amazon_cells', 'yelp', 'imdb']) {
    for (const line of fs.readFileSync(path.join(dataDir, `en/uci_${which}_labelled.txt`), 'utf8').split('\n')) {
      const m = /^(.*)\t\s*([01])\s*$/.exec(line);
      if (m) uci.push({ text: m[1]!.trim(), polarity: m[2] === '1' ? 2 : 0 });
    }
  }
  return uci;
}

/**
 * The Chinese App Store page of one developer tool: 50 real reviews written after one update
 * (crashes, "not enough space" on 30 GB free, installs that never finish). The page carries no
 * per-review dates, so the scenario decides when they were posted.
 */
export function appStoreUpdateReviews(): Text[] {
  const j = JSON.parse(fs.readFileSync(path.join(dataDir, 'feeds/appstore/497799835_cn_5.json'), 'utf8')) as {
    feed: { entry: Array<{ title: { label: string }; content: { label: string }; 'im:rating': { label: string } }> };
  };
  return j.feed.entry.map((e) => {
    const rating = Number(e['im:rating'].label);
    return { text: e.content.label.trim(), title: e.title.label, rating, polarity: (rating <= 2 ? 0 : rating === 3 ? 1 : 2) as 0 | 1 | 2 };
  });
}

let cfpb: CfpbAllRow[] | undefined;
export function cfpbRows(): CfpbAllRow[] {
  return (cfpb ??= loadCfpbAll());
}

/** Texts whose wording matches a theme (a storm's posts are about one thing). */
export function themed(texts: Text[], re: RegExp, polarity?: Text['polarity']): Text[] {
  const out = texts.filter((t) => re.test(t.text) && (polarity === undefined || t.polarity === polarity));
  if (out.length < 10) throw new Error(`theme ${re} has only ${out.length} texts`);
  return out;
}

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/**
 * Draws without replacement, reshuffling when the list is used up: a stream repeats a text only
 * after it has used all the others (real streams rarely repeat a post word for word; copies
 * that did occur at random would form clusters no one wrote).
 */
export function cycler<T>(rand: () => number, xs: readonly T[]): () => T {
  let order: number[] = [];
  return () => {
    if (!order.length) {
      order = xs.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    return xs[order.pop()!]!;
  };
}
