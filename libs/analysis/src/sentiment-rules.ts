import { EN_CONTRAST, EN_DEGREE, EN_LEXICON, EN_NEGATORS } from './lexicon/en';
import { ZH_CONTRAST, ZH_DEGREE, ZH_LEXICON, ZH_NEGATORS } from './lexicon/zh';

export interface RuleSentiment {
  /** tanh-squashed rule score in [-1, 1]. */
  score: number;
  /** Number of lexicon/emoji/pattern hits; 0 means the rules saw nothing. */
  hits: number;
  /** Constructs that the bag-of-n-grams model tends to get wrong (rules weigh more then). */
  special: string[];
}

interface Lang {
  lexicon: Map<string, number>;
  degree: Record<string, number>;
  negators: Set<string>;
  contrast: Set<string>;
}
const ZH: Lang = { lexicon: ZH_LEXICON, degree: ZH_DEGREE, negators: ZH_NEGATORS, contrast: ZH_CONTRAST };
const EN: Lang = { lexicon: EN_LEXICON, degree: EN_DEGREE, negators: EN_NEGATORS, contrast: EN_CONTRAST };

const CLAUSE_END = /^[,.;:!?，。；：！？、\n…~～]+$/;
/** First characters CLAUSE_END can match: most words fail this test without running the regex. */
const CLAUSE_CHARS = new Set([...',.;:!?，。；：！？、\n…~～'].map((c) => c.charCodeAt(0)));

/** Empty or whitespace only, as `!w.trim()` decides, without allocating (jieba emits spaces and newlines as words). */
function isBlank(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isJsWhitespace(w.charCodeAt(i))) return false;
  return true;
}

function isJsWhitespace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Rhetorical complaints: questions that mean "you are terrible".
const RHETORICAL_ZH = /还能再.{1,4}[吗么嘛]|还能不能.{1,6}|能不能.{0,8}(?:点|一下)?[?？]|有没有搞错|搞什么|什么玩意|什么鬼|是不是.{0,6}(?:有病|傻|瞎|聋)|难道.{1,12}[吗么]|你们是认真的吗|还要等多久|到底.{0,10}(?:怎么回事|想怎样|什么意思|还送不送|管不管)|这也叫|就这[?？]|有你们这样|怎么.{0,4}(?:这么|那么)(?:慢|差|烂|贵|久)/;
const RHETORICAL_EN = /\bcould (?:it|you|this) be any (?:slower|worse)\b|\bare you (?:kidding|serious|joking)\b|\bhow hard (?:is|can) it\b|\bthanks for nothing\b|\bwhat a (?:joke|waste|mess|scam)\b|\bis (?:this|that) a joke\b|\bseriously\s*\?|\bwhat is wrong with you\b|\bwho (?:thought|designed) this\b|\bwhy (?:is|does) it (?:always|never)\b/i;
const DOUBLE_NEG_ZH = /(?:不是|并非|没有|不能|不会)不/;
// Sarcasm: praise words that mean the opposite. Marked sarcasm (#not, #sarcasm, 呵呵), praise
// followed by the failure it mocks ("真是太棒了…还是凉的", "great, another delay"), and set phrases.
// Information requests and news: neutral unless something else says otherwise (Chinese has no
// neutral model; English has one, these only back it up).
const INFO_ZH = /^(?:请问|咨询一下|想问一下|问一下)|(?:怎么(?:办理|操作|设置|申请|联系|购买)|在哪(?:里|儿)?|几点|什么时候|多少钱|有没有(?:货|优惠|活动))[^，。！]{0,10}[?？]\s*$|据.{0,12}(?:报道|消息)|日讯|发布会|公告|官方(?:发布|宣布|回应)|将于.{0,12}(?:上线|发布|推出|开业)/;
const INFO_EN = /^(?:what|when|where|how|who|which|is there|are there|does|do|can|could|will)\b[^.!]*\?\s*$|\b(?:announce[sd]?|launch(?:es|ed)?|unveil(?:s|ed)?|will (?:release|open|launch))\b|\baccording to\b|\breports?:/i;
// …but not when the question is the complaint ("请问为什么还没发货", "why is it still not here?").
const COMPLAINT_ZH = /还没|还不|怎么还|为什么|到底|又|一直|都没|不能用|坏了|太差|太慢|退款|投诉|骗/;
const COMPLAINT_EN = /\b(?:why|still|never|again|refund|complain\w*|broken|late|delay\w*|cancel\w*)\b/i;
const SARCASM_EN = /#(?:not|sarcasm|sarcastic|irony|notreally)\b|\bthanks for nothing\b|(?:^|\s)\/s\s*$|\byeah,? right\b|\b(?:oh|just) (?:great|perfect|wonderful|fantastic)\b|\bjust what i (?:needed|wanted)\b|\b(?:great|perfect|awesome|wonderful|fantastic|nice|lovely),? (?:another|more|just|now)\b|\bthanks a lot\b[^.!?]{0,20}\b(?:for|now)\b|\bperfect (?:way|start) to\b|\b(?:love|loving) (?:it )?(?:when|how) (?:my|you|they|the|i|it)\b[^.!?]{0,40}\b(?:not|no|never|late|delay\w*|cancel\w*|broke\w*|lost|wait\w*|stuck)\b|\bmy favou?rite (?:kind of )?(?:people|thing)\b|\bcan'?t wait to\b[^.!?]{0,40}#/i;
const SARCASM_ZH = /(?:差|慢|凉|坏|没|不|退|等了?).{0,12}呵呵(?![呵])|[真太](?:快|好|棒|准时|厉害|贴心|给力)[了啊呀的]?[，,。.!！~～]*呵呵|[好真太](?:棒|快|好|厉害|贴心|给力|准时)了?[，,。.…！!~～]{0,3}.{0,12}(?:还是|居然|竟然|又)(?:凉|冷|慢|坏|错|没|晚|迟|漏)|好一个|真是服了|厉害了我的|谢谢你全家|可真(?:行|会|是个人才)|真是(?:个|一个)?人才|给你们点(?:个)?赞[^，。！]{0,6}(?:慢|差|凉|坏)/;

export function ruleSentiment(lang: 'zh' | 'en', words: readonly string[], text: string, emojiScore: number): RuleSentiment {
  const L = lang === 'zh' ? ZH : EN;
  let before = 0;
  let current = 0;
  let hits = 0;
  let negs = 0;
  let negWindow = 0;
  let degree = 1;
  let contrasted = false;
  const special: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = lang === 'zh' ? words[i]! : words[i]!.toLowerCase();
    if (isBlank(w)) continue;
    if (CLAUSE_CHARS.has(w.charCodeAt(0)) && CLAUSE_END.test(w)) {
      negs = 0; negWindow = 0; degree = 1;
      continue;
    }
    if (L.contrast.has(w)) {
      // The clause after the connector carries the writer's verdict.
      before = before + current * 0.5;
      current = 0;
      contrasted = true;
      continue;
    }
    if (L.negators.has(w)) {
      negs++;
      negWindow = 3;
      continue;
    }
    const deg = L.degree[w];
    if (deg !== undefined && (!L.lexicon.has(w) || L.lexicon.has(words[i + 1]?.toLowerCase() ?? ''))) {
      degree *= deg;
      continue;
    }
    const v = L.lexicon.get(w);
    if (v !== undefined) {
      let s = v * degree;
      if (negs % 2 === 1 && negWindow > 0) {
        // "not bad" / 并不差: the n-gram model reads the negative word, the rules know better.
        if (s < 0) special.push('negated_negative');
        s = s > 0 ? -0.8 * s : -0.7 * s;
      }
      if (negs >= 2 && negWindow > 0) special.push('double_negation');
      if (contrasted) s *= 1.5;
      current += s;
      hits++;
      negs = 0; negWindow = 0; degree = 1;
      continue;
    }
    if (negWindow > 0 && --negWindow === 0) negs = 0;
  }
  let total = before + current;
  if (contrasted && hits > 0) special.push('contrast');
  if ((lang === 'zh' ? RHETORICAL_ZH : RHETORICAL_EN).test(text)) {
    total -= 3;
    hits++;
    special.push('rhetorical');
  }
  if (lang === 'zh' && DOUBLE_NEG_ZH.test(text) && !special.includes('double_negation')) special.push('double_negation');
  if (total >= 0 && (lang === 'zh' ? INFO_ZH : INFO_EN).test(text) && !(lang === 'zh' ? COMPLAINT_ZH : COMPLAINT_EN).test(text) && !special.includes('rhetorical')) special.push('information');
  if ((lang === 'zh' ? SARCASM_ZH : SARCASM_EN).test(text)) {
    // The praise the writer mocks counts against them.
    total = -Math.abs(total) - 2;
    hits++;
    special.push('sarcasm');
  }
  if (emojiScore !== 0) {
    total += emojiScore;
    hits++;
  }
  return { score: Math.tanh(total / 2), hits, special };
}

/** The plain lexicon baselines of the eval: sum of word weights, no rules. */
export function lexiconBaseline(lang: 'zh' | 'en', words: readonly string[]): number {
  const lex = lang === 'zh' ? ZH_LEXICON : EN_LEXICON;
  let s = 0;
  for (const w of words) s += lex.get(lang === 'zh' ? w : w.toLowerCase()) ?? 0;
  return s;
}
