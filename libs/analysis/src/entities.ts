import type { Entities } from '@vigil/contracts';
import { CITIES, EN_CITIES, NON_DISTRICTS, PLACE_INNER_STOP, PLACE_LEAD_STOP, PROVINCES } from './places';
import type { Span } from './pii';
import { allMatches } from './text';

export type Money = Entities['money'][number];
export type Place = Entities['places'][number];
export interface MoneySpan extends Money, Span {}

export const DEFAULT_ORDER_PATTERNS: RegExp[] = [
  /(?:订单号|订单编号|单号|订单|运单号|快递单号|物流单号)\s*(?:是|为)?\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9-]{7,23})(?![A-Za-z0-9])/g,
  /\border\s*(?:#|no\.?|number|num|id)?\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9-]{7,23})(?![A-Za-z0-9])/gi,
];

/** Order ids, with the spans of the ids themselves so PII masking leaves them alone. */
export function findOrderIds(text: string, patterns: readonly RegExp[]): { ids: string[]; spans: Span[] } {
  const ids: string[] = [];
  const spans: Span[] = [];
  for (const p of patterns) {
    const re = p.global ? p : new RegExp(p.source, p.flags + 'g');
    for (const m of allMatches(re, text)) {
      const id = m[1] ?? m[0];
      // An id has digits; "order number please" must not give "please".
      if (!/\d/.test(id) || ids.includes(id)) continue;
      const start = m.index + m[0].lastIndexOf(id);
      ids.push(id);
      spans.push({ start, end: start + id.length });
    }
  }
  return { ids, spans };
}

const CURRENCY: Record<string, string> = {
  '¥': 'CNY', '￥': 'CNY', rmb: 'CNY', cny: 'CNY', 人民币: 'CNY', 元: 'CNY', 块: 'CNY', 块钱: 'CNY', 元钱: 'CNY',
  $: 'USD', us$: 'USD', usd: 'USD', 美元: 'USD', 美金: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD',
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', 欧元: 'EUR', '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP', 英镑: 'GBP',
  hk$: 'HKD', hkd: 'HKD', 港币: 'HKD', 港元: 'HKD',
};
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const MULT = String.raw`(万|千|百|k|K|w|W)?`;
const PREFIX_MONEY = new RegExp(String.raw`(HK\$|US\$|[¥￥$€£]|RMB|CNY|USD|EUR|GBP|HKD|人民币)\s?${NUM}\s?${MULT}(?![A-Za-z0-9])`, 'gi');
const SUFFIX_MONEY = new RegExp(String.raw`(?<![\d.,])${NUM}\s?${MULT}\s?(块钱|元钱|元|块|人民币|美元|美金|欧元|英镑|港币|港元|rmb|cny|usd|eur|gbp|hkd|dollars?|bucks|euros?|pounds?)(?![A-Za-z])`, 'gi');
const MULTIPLIER: Record<string, number> = { 万: 10000, w: 10000, 千: 1000, k: 1000, 百: 100 };

export function findMoney(text: string): MoneySpan[] {
  const out: MoneySpan[] = [];
  const push = (m: RegExpMatchArray, num: string, mult: string | undefined, cur: string) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (out.some((o) => start < o.end && o.start < end)) return;
    const currency = CURRENCY[cur.toLowerCase()] ?? CURRENCY[cur];
    if (!currency) return;
    const amount = Number(num.replace(/,/g, '')) * (mult ? MULTIPLIER[mult.toLowerCase()] ?? 1 : 1);
    if (!Number.isFinite(amount)) return;
    out.push({ amount: Math.round(amount * 100) / 100, currency, text: m[0].trim(), start, end });
  };
  for (const m of allMatches(PREFIX_MONEY, text)) push(m, m[2]!, m[3], m[1]!);
  for (const m of allMatches(SUFFIX_MONEY, text)) push(m, m[1]!, m[2], m[3]!);
  return out.sort((a, b) => a.start - b.start);
}

const PROVINCE_RE = new RegExp(`(${PROVINCES.join('|')})(?:省|市|自治区|特别行政区)?`, 'g');
const CITY_RE = new RegExp(`(${CITIES.join('|')})市?`, 'g');
const DISTRICT_RE = /[\u4e00-\u9fa5]{2,5}?[区县旗]/g;
const COMPOUND_RE = /[\u4e00-\u9fa5]{2,6}?(?:小区|花园|家园|新村|公寓|华庭|名苑|雅苑|苑)/g;
// 山区/城区/新区 also end real names (南山区, 东城区, 浦东新区), so they are only rejected alone.
const NON_DISTRICT_LIST = [...NON_DISTRICTS];
const COMPOUND_SUFFIX = /(?:小区|花园|家园|新村|公寓|华庭|名苑|雅苑|苑)$/;
const ADMIN_PREFIX = new RegExp(`^.*(?:${[...PROVINCES, ...CITIES].join('|')})(?:省|市|自治区)?`);
const EN_CITY_RE = new RegExp(`\\b(${EN_CITIES.join('|').replace(/ /g, '\\s')})\\b`, 'g');

export function findPlaces(text: string): Place[] {
  const out: Place[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: Place['kind']) => {
    if (!seen.has(name)) { seen.add(name); out.push({ name, kind }); }
  };
  for (const m of allMatches(PROVINCE_RE, text)) add(m[1]!, 'province');
  for (const m of allMatches(CITY_RE, text)) add(m[1]!, 'city');
  for (const m of allMatches(DISTRICT_RE, text)) {
    const name = m[0].replace(PLACE_LEAD_STOP, '');
    // A district name has at least two characters before 区/县, and is not 小区, 社区 …
    if (name.length < 3 || NON_DISTRICT_LIST.some((n) => name.endsWith(n))) continue;
    // 广东深圳南山区 → 南山区: the district starts after the last province/city name.
    const local = name.replace(ADMIN_PREFIX, '');
    if (local.length >= 3 && !(PROVINCES.includes(local.slice(0, -1)) || CITIES.includes(local.slice(0, -1)))) add(local, 'district');
  }
  for (const m of allMatches(COMPOUND_RE, text)) {
    // 北京市朝阳区阳光花园 → 阳光花园: the compound name starts after the last administrative unit.
    const suffix = COMPOUND_SUFFIX.exec(m[0])![0];
    const prefix = m[0].slice(0, -suffix.length).replace(/^.*[省市区县镇乡路街道号]/, '').replace(ADMIN_PREFIX, '').replace(PLACE_INNER_STOP, '');
    if (prefix.length < 2) continue;
    add(prefix + suffix, 'compound');
  }
  for (const m of allMatches(EN_CITY_RE, text)) add(m[1]!.replace(/\s+/g, ' '), 'city');
  return out;
}

export interface ProductDef { name: string; aliases?: string[] }

/** Products from the configured catalogue, canonical names, in catalogue order. */
export function compileProducts(catalogue: readonly ProductDef[]): { name: string; re: RegExp }[] {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return catalogue.map((p) => {
    const names = [p.name, ...(p.aliases ?? [])].sort((a, b) => b.length - a.length);
    const parts = names.map((n) => (/^[\x20-\x7e]+$/.test(n) ? `(?<![A-Za-z0-9])${esc(n)}(?![A-Za-z0-9])` : esc(n)));
    return { name: p.name, re: new RegExp(parts.join('|'), 'i') };
  });
}

export function findProducts(text: string, compiled: readonly { name: string; re: RegExp }[]): string[] {
  return compiled.filter((p) => p.re.test(text)).map((p) => p.name);
}

const VERSION_RE = /(?:(?<![A-Za-z])[vV](?=\d)|版本号?|(?<![A-Za-z])(?:version|ver\.?)(?![A-Za-z]))\s*[:：]?\s*(\d+(?:\.\d+){1,3})/i;

export function findAppVersion(text: string): string | undefined {
  return VERSION_RE.exec(text)?.[1];
}

const DEVICE_RE = new RegExp([
  String.raw`iPhone\s?(?:\d{1,2}|SE|X[SR]?)(?:\s?(?:Pro\s?Max|Pro|Plus|Max|mini))?`,
  String.raw`iPad(?:\s?(?:Pro|Air|mini))?`,
  String.raw`(?:华为|Huawei|HUAWEI)\s?(?:Mate|P|nova|Pura)\s?\d{1,3}(?:\s?(?:Pro\+?|RS|Pro))?`,
  String.raw`(?:小米|Xiaomi|红米|Redmi)\s?(?:Note\s?)?\d{1,2}(?:\s?(?:Pro|Ultra|Turbo))?`,
  String.raw`(?:荣耀|Honor)\s?(?:Magic\s?)?\d{1,3}(?:\s?Pro)?`,
  String.raw`(?:OPPO|oppo)\s?(?:Find\s?X\d|Reno\s?\d{1,2}|[A-Z]\d{1,3})`,
  String.raw`(?:vivo|VIVO)\s?(?:X\d{1,3}|S\d{1,2}|iQOO\s?\d{1,2})(?:\s?Pro)?`,
  String.raw`(?:Samsung\s?|三星\s?)?Galaxy\s?(?:S|Note|A|Z\s?(?:Fold|Flip))\s?\d{1,2}(?:\s?(?:Ultra|\+|Plus))?`,
  String.raw`(?:Google\s)?Pixel\s?\d{1,2}(?:\s?(?:Pro|a))?`,
  String.raw`Android\s?\d{1,2}(?:\.\d)?`,
  String.raw`(?:鸿蒙|HarmonyOS)\s?\d(?:\.\d)?`,
  String.raw`iOS\s?\d{1,2}(?:\.\d{1,2})*`,
  String.raw`Mac\s?Book(?:\s?(?:Pro|Air))?`,
].join('|'));

export function findDevice(text: string): string | undefined {
  return DEVICE_RE.exec(text)?.[0].trim();
}
