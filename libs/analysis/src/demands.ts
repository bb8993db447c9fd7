import type { DemandKind } from '@vigil/contracts';

/**
 * 诉求: what a complainant asks for, from the text (zh and en). A first guess a responder
 * corrects on the ticket: cues of asking, not of describing ("退款已到账" asks for nothing).
 */
const DEMANDS: { kind: DemandKind; re: RegExp; done?: RegExp }[] = [
  {
    kind: 'refund',
    re: /退款|退钱|退费|全额退|把钱退|钱退回|退回.{0,4}钱|\brefund(?:ed)?\b|money back|\breimburse(?:ment)?\b|chargeback/i,
    done: /(?:已经?|已)(?:退款|退钱)|(?:退款|退钱)(?:已经?)?(?:到账|收到|成功)|got (?:my|a|the) refund|refund(?:ed)? (?:was )?(?:processed|received)/i,
  },
  { kind: 'exchange', re: /换货|换一[个件台份]|调换|更换|换个新的|换新|\bexchange\b|\breplace(?:ment)?\b|swap (?:it|this)/i },
  { kind: 'reship', re: /补发|重新发货?|再发一[个件份次]|重发|补寄|补送|重新送|\breship\b|\bresend\b|send (?:it|another|a new one|again)|re-?deliver/i },
  { kind: 'compensation', re: /赔偿|赔钱|索赔|赔付|补偿|退一赔[三十]|假一赔|给个?补偿|\bcompensat(?:e|ion)\b|\bdamages\b|make (?:it|this) right|\bcredit\b|\bvoucher\b/i },
  { kind: 'apology', re: /道歉|致歉|赔礼|给个?说法|认错|\bapologi[sz]e\b|\bapology\b|say sorry/i },
  {
    kind: 'explanation',
    re: /解释|给个?交代|给个?说法|讲清楚|说清楚|为什么|凭什么|怎么回事|\bexplain\b|\bexplanation\b|\bwhy\b|what happened/i,
  },
];

// 再不退款我就… / 还不退款 are threats, not refusals.
const NEGATED = /(?:(?<![再还])不|没|无需|不用|不要|不想|不需要|别)[^，。！？,.!?]{0,2}$|\b(?:no|not|don't|dont|never|no need to)\s+(?:\w+\s+){0,2}$/i;

export interface DetectedDemand {
  kind: DemandKind;
  /** The words that asked for it. */
  evidence: string;
}

export function detectDemands(text: string): DetectedDemand[] {
  const out: DetectedDemand[] = [];
  for (const d of DEMANDS) {
    const re = new RegExp(d.re.source, d.re.flags.includes('g') ? d.re.flags : d.re.flags + 'g');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const around = text.slice(Math.max(0, start - 14), start + m[0].length + 8);
      if (d.done?.test(around)) continue;
      if (NEGATED.test(text.slice(Math.max(0, start - 12), start))) continue;
      out.push({ kind: d.kind, evidence: m[0] });
      break;
    }
  }
  return out;
}
