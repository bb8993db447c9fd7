/**
 * What an incident can concentrate on besides a compound, a product or an order batch: a
 * flight or train, a bus or metro line, a store or branch. Found in the post's own words with
 * conservative patterns (a flight number only where the post talks about flying), so strangers
 * are not grouped by a code that merely looks like one. A city is never an anchor.
 */
const FLIGHT_CONTEXT = /flight|fly|flew|airline|airport|boarding|gate|航班|班机|飞机|机票|登机|机场|延误/i;
const FLIGHT = /\b([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(\d{2,4})\b/g;
const TRAIN_CONTEXT = /列车|高铁|动车|火车|车次|train/i;
const TRAIN = /(?:^|[^A-Za-z0-9])([GDCZTK]\d{1,4})(?![0-9])/g;
const ZH_LINE = /(地铁)?(\d{1,3})(路|号线)/g;
const ZH_BRANCH = /([\u4e00-\u9fa5]{2,6}?)(分店|门店|营业厅|营业部|网点|分行|支行|服务站|自提点|驿站)/g;
const EN_STORE = /\b(store|branch|location|shop)\s*(?:no\.?|number|#)\s*(\d{1,5})\b/gi;
const GENERIC_ZH_PREFIX = /^(这家|那家|这个|那个|一家|本|该|附近|官方|线下|实体|各|每个|所有|其他|别的|哪个|任何)/;
/** Words that run into a branch name in Chinese ("我在望京分店"): not part of it. */
const ZH_LEAD = /^[我你他她在去到从的了是说那这]+/;

export function findAnchors(text: string): string[] {
  const out: string[] = [];
  const add = (a: string) => {
    if (!out.includes(a) && out.length < 6) out.push(a);
  };
  if (FLIGHT_CONTEXT.test(text)) for (const m of text.matchAll(FLIGHT)) add(`flight:${m[1]}${m[2]}`);
  if (TRAIN_CONTEXT.test(text)) for (const m of text.matchAll(TRAIN)) add(`train:${m[1]}`);
  for (const m of text.matchAll(ZH_LINE)) if (m[1] || /公交|巴士|线路|车/.test(text)) add(`line:${m[2]}${m[3]}`);
  for (const m of text.matchAll(ZH_BRANCH)) {
    const name = m[1]!.replace(ZH_LEAD, '');
    if (name.length >= 2 && !GENERIC_ZH_PREFIX.test(name)) add(`store:${name}${m[2]}`);
  }
  for (const m of text.matchAll(EN_STORE)) add(`store:${m[1]!.toLowerCase()} #${m[2]}`);
  return out;
}
