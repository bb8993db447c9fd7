import * as fs from 'node:fs';
import * as path from 'node:path';

const ZH_POS = ['味道很好，送得也快', '非常满意，下次还买', '包装很好，质量不错', '客服很热情，推荐给大家', '东西很新鲜，好吃'];
const ZH_NEG = ['太难吃了，再也不点了', '送了两个小时，饭都凉了', '质量太差，用一天就坏了', '客服态度恶劣，不给退款', '发错货了，很失望'];
const EN_POS = ['Great food and friendly staff', 'Works perfectly, very happy', 'Fast delivery, would buy again'];
const EN_NEG = ['Terrible service, never again', 'It broke after one day', 'Cold food and rude driver'];

/** A small labelled reference data set in the ../shared/data layout (held-out sets and replayed rows of a model update). */
export function writeReferenceData(dir: string): void {
  const rows = (pos: string[], neg: string[], n: number) => Array.from({ length: n }, (_, i) => [i % 2 ? pos[i % pos.length]! : neg[i % neg.length]!, i % 2]).map(([t, l], i) => [`${t} ${i}`, l] as const);
  fs.mkdirSync(path.join(dir, 'zh'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'en/tweeteval/sentiment'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'zh/waimai_10k.csv'), 'label,review\n' + rows(ZH_POS, ZH_NEG, 120).map(([t, l]) => `${l},${t}`).join('\n'));
  fs.writeFileSync(path.join(dir, 'zh/online_shopping_9_cats.csv'), 'cat,label,review\n' + rows(ZH_POS, ZH_NEG, 80).map(([t, l]) => `书籍,${l},${t}`).join('\n'));
  for (const w of ['amazon_cells', 'yelp', 'imdb']) fs.writeFileSync(path.join(dir, `en/uci_${w}_labelled.txt`), rows(EN_POS, EN_NEG, 60).map(([t, l]) => `${t}\t${l}`).join('\n'));
  for (const s of ['val', 'test']) {
    const tw = rows(EN_POS, EN_NEG, 40);
    fs.writeFileSync(path.join(dir, `en/tweeteval/sentiment/${s}_text.txt`), tw.map(([t]) => t).join('\n'));
    fs.writeFileSync(path.join(dir, `en/tweeteval/sentiment/${s}_labels.txt`), tw.map(([, l]) => (l ? 2 : 0)).join('\n'));
  }
}
