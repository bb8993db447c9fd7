import type { RiskCue, RiskCueKind } from '@vigil/contracts';
import type { MoneySpan } from './entities';
import { allMatches, scriptsOf } from './text';

interface CueDef {
  kind: RiskCueKind;
  zh?: RegExp;
  en?: RegExp;
  /** Match is void when this matches the text around it (e.g. 又快又好). */
  exclude?: (text: string, start: number, end: number) => boolean;
  /** Negation before the cue voids it ("没找领导", "no need for a refund"). */
  negatable?: boolean;
}

const aroundIs = (re: RegExp, before = 12, after = 12) => (t: string, s: number, e: number) =>
  re.test(t.slice(Math.max(0, s - before), Math.min(t.length, e + after)));

// 又快又好 / 又便宜又好吃: the "both … and" pattern, not "again".
function isParallelYou(t: string, s: number): boolean {
  return /^又[^又，。！？,.!?]{1,3}又/.test(t.slice(s, s + 6)) || /又[^又，。！？,.!?]{1,3}$/.test(t.slice(Math.max(0, s - 4), s));
}
// "would order again" is praise, not a repeated complaint.
function wishesToRepeat(t: string, s: number): boolean {
  return /\b(?:would|will|definitely|gladly|happily|can't wait to|cannot wait to)\b[^.!?]{0,25}$/i.test(t.slice(Math.max(0, s - 40), s));
}

const CUES: CueDef[] = [
  { kind: 'manager_request', negatable: true,
    zh: /(?:找|叫|让|请|要求见|转接?给?)(?:你们|你家)?(?:的)?(?:领导|经理|负责人|老板|主管|上级|店长)|(?:领导|经理|负责人|主管|店长)(?:出来|来处理|给个说法)/,
    en: /\b(?:speak|talk|ask|want|get|call|see|demand|need)\b(?:\s+\w+){0,3}?\s+(?:a |the |your )?(?:manager|supervisor|someone in charge)\b|\bescalat(?:e|ed|ing)\b/i },
  { kind: 'regulator', negatable: true,
    zh: /12315|12345|(?<!\d)315(?!\d)|消协|消费者协会|消保委|市场监管|市场监督|工商局|工商部门|市长热线|工信部|银保监|金融监管|证监会|网信办|黑猫投诉|通信管理局|物价局|食药监|卫健委/,
    en: /\b(?:FTC|BBB|CFPB|FCC|attorney general|better business bureau|consumer protection (?:agency|bureau)|trading standards|ombudsman|federal trade commission)\b/i },
  { kind: 'media', negatable: true,
    zh: /曝光|媒体|记者|上热搜|热搜|发微博|发抖音|发小红书|发到网上|网上说|电视台|报社|新闻|舆论/,
    en: /\b(?:journalists?|reporters?|the press|media|news (?:station|outlet|channel)|contact(?:ing)? the news|go(?:ing|es)? viral|expos(?:e|ing) (?:you|this|them))\b/i },
  { kind: 'legal', negatable: true,
    zh: /律师|起诉|法院|诉讼|告你们|打官司|法律途径|法律手段|律师函|仲裁|报警|立案/,
    en: /\b(?:lawyers?|attorney(?! general)|sue|suing|lawsuit|court|class action|legal action|litigation|small claims)\b/i },
  { kind: 'vulnerable_person',
    zh: /老人|老年人|老人家|孩子|小孩|儿童|婴儿|宝宝|孕妇|怀孕|病人|患者|残疾|瘫痪|老母亲|老父亲|[七八九]十(?:多)?岁/,
    en: /\b(?:elderly|old (?:man|woman|lady)|grand(?:ma|mother|pa|father)|child|children|kids?|bab(?:y|ies)|infants?|toddlers?|pregnant|disabled|disability|wheelchair|senior citizens?)\b/i },
  { kind: 'medical_or_exam',
    zh: /看病|挂号|产检|医院|住院|急诊|手术|考试|高考|中考|考研|复诊|救护车|就医|体检|药品/,
    en: /\b(?:hospital|doctor'?s? appointment|exam|exams|surgery|emergency room|ambulance|medications?|prescriptions?|clinic|chemo(?:therapy)?|dialysis)\b/i },
  { kind: 'safety', negatable: true,
    zh: /起火|着火|爆炸|受伤|中毒|烫伤|烧伤|触电|漏电|冒烟|自燃|划伤|过敏|火灾|出血|炸了|煤气泄漏/,
    en: /\b(?:caught fire|fire hazard|explod(?:e|ed|es|ing)|explosion|injur(?:y|ies|ed)|burn(?:ed|t|s)? (?:my|his|her|our)|burns|poison(?:ing|ed)|electric shock|electrocuted|smoke came|allergic reaction|overheat(?:ed|ing))\b|\bfire\b(?!\s*(?:sale|wall))/i,
    exclude: aroundIs(/on fire\b|fire (?:him|her|them|the)\b|ceasefire|fire emblem|fire tv/i) },
  { kind: 'data_leak', negatable: true,
    zh: /泄露|泄漏|被盗刷|盗刷|被盗号|盗号|被盗|信息外泄|个人信息被|骚扰电话|诈骗电话|账号被(?:盗|冒用|登录)|被冒用/,
    en: /\b(?:leak(?:ed|s)?|data breach|breach(?:ed)?|hacked|stolen (?:card|identity|account|data)|identity theft|unauthori[sz]ed (?:charges?|transactions?|access|login)|fraudulent charges?)\b/i },
  { kind: 'collective_action',
    zh: /我们小区|整个小区|全小区|整栋楼|大家都|集体|维权群|多户|好多人都|很多人都|业主们|所有人都|联名|一起投诉|一起维权|[几十百]+户|不止我一个/,
    en: /\b(?:all of us|everyone in (?:my|our|the) (?:building|neighbou?rhood|area|street|complex)|many of us|all my neighbou?rs|other customers (?:too|also|are)|petition|we are not the only|not the only one)\b/i },
  { kind: 'repeat_complaint',
    zh: /又(?=是|来|坏|没|不|出|被|要|迟|晚|送错|漏|卡|闪|失败|扣|一次|双叒|错|慢|凉|洒|少|找)|再次|再一次|第[二三四五六七八九十两\d]+次|还是没|依然没|仍然没|仍未|至今没|到现在还没|多次|屡次|反复|三番五次|不止一次/,
    en: /\bagain\b|\bstill (?:not|no|hasn't|haven't|hasnt|havent|doesn't|don't|didn't|waiting|broken)\b|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bmultiple times\b|\brepeatedly\b|\bfor weeks\b/i,
    exclude: (t, s, e) => (t[s] === '又' ? isParallelYou(t, s) : wishesToRepeat(t, s)) || e < s },
  { kind: 'compensation_demand', negatable: true,
    zh: /退款|退钱|赔偿|赔钱|索赔|赔付|补偿|退一赔[三十]|假一赔|全额退|要求赔/,
    en: /\b(?:refund(?:ed)?|compensat(?:e|ion)|reimburse(?:ment)?|money back|chargeback)\b/i,
    exclude: aroundIs(/已经?(?:退款|退钱|赔偿|补偿)|(?:退款|赔偿|补偿)(?:已经?)?(?:到账|收到)|got (?:my|a|the) refund|refund(?:ed)? (?:was )?(?:processed|received)/i, 3, 6) },
];

const NEG_ZH = /(?:不|没|没有|无需|不用|不会|不想|别|未|不必|无)[^，。！？,.!?]{0,1}$/;
const NEG_EN = /\b(?:no|not|never|don't|dont|won't|wont|didn't|didnt|without|no need to)\s+(?:\w+\s+){0,2}$/i;

// Compiled once with the g flag; allMatches resets lastIndex, so sharing them is safe.
const COMPILED = CUES.map((def) => ({
  def,
  res: [def.zh, def.en].filter((r): r is RegExp => !!r).map((re) => ({
    re: new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'),
    zh: re === def.zh,
  })),
}));

export interface CueOptions { language: 'zh' | 'en' | 'mixed' | 'other' }

/** First evidence per cue kind, offsets in the analysis text (which is 1:1 with the masked text). */
export function detectRiskCues(text: string, masked: string, money: readonly MoneySpan[], opts: CueOptions): RiskCue[] {
  const out: RiskCue[] = [];
  // Every Chinese pattern needs a Han character or a digit (12315), every English one a
  // Latin letter: a post without them skips those regexes, with the same result.
  const { latin, hanOrDigit } = scriptsOf(text);
  for (const { def, res } of COMPILED) {
    for (const { re, zh } of res) {
      if (zh ? !hanOrDigit : !latin) continue;
      if (out.some((c) => c.kind === def.kind)) continue;
      for (const m of allMatches(re, text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (def.exclude?.(text, start, end)) continue;
        if (def.negatable) {
          const left = text.slice(Math.max(0, start - 20), start);
          if (zh ? NEG_ZH.test(left) : NEG_EN.test(left)) continue;
        }
        const cue: RiskCue = { kind: def.kind, evidence: masked.slice(start, end), start, end };
        if (def.kind === 'compensation_demand') {
          const near = nearestMoney(money, start, end);
          if (near) cue.amount = near.amount;
        }
        out.push(cue);
        break;
      }
    }
  }
  void opts;
  return out.sort((a, b) => a.start - b.start);
}

function nearestMoney(money: readonly MoneySpan[], start: number, end: number): MoneySpan | undefined {
  let best: MoneySpan | undefined;
  let bestDist = 40;
  for (const m of money) {
    const d = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
    if (d <= bestDist) { best = m; bestDist = d; }
  }
  return best;
}
