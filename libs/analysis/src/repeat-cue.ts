/**
 * The repeat-complaint cue: the writer has complained (called, written, asked for a fix) before
 * and is back, or the same failure came back after it was reported or fixed. 又 / 再次 / 第二次 /
 * "again" / "second time" alone say nothing of the kind: 又慢又贵 is "also", 第二次购买 is a second
 * purchase, "still waiting" is one late delivery. So a repeat word counts only when it is bound
 * to a complaint or contact verb (又打电话, 多次联系, called again, contacted them multiple times),
 * to a failure that recurs (又坏了, 第二次发错, broke again), or, for "still not", to a service
 * that failed to answer (至今没回复, still no response).
 */
import type { CueRule } from './risk-cue-rules';

// ——— Chinese ———
const ZH_CONTACT = /^(?:去|再|又|跟|给|向|找|了|都)?(?:投诉|反映|反应|反馈|联系|打(?:了)?(?:\d+|[一二两三四五六七八九十几]+)?(?:个|通|次)?电话|致电|来电|催|找(?:了)?(?:客服|商家|卖家|售后|店家|你们|他们|平台|京东)|问(?:了)?客服|咨询|申请|提交|上报|报修|返修|维修|返厂|换货|退货|沟通|留言|私信|发(?:了)?邮件|工单|客服|售后|要求|交涉|打给|拨打)/;
const ZH_CONTACT_BEFORE = /(?:投诉|反映|反应|反馈|联系|电话|致电|催|客服|商家|卖家|售后|咨询|申请|提交|报修|返修|维修|返厂|换货|换了|退货|沟通|留言|私信|邮件|工单|交涉|修好|修了)/;
const ZH_RECUR = /^(?:是|给我|把|出现|被)?[^，。！？,.!?]{0,6}?(?:坏|发错|送错|错发|漏送|少送|漏发|少发|出现(?:同样|这个|这种|相同|一样)?的?(?:问题|故障|情况)|出问题|出了问题|故障|死机|黑屏|闪退|没送到|没收到|送晚|晚送|迟到|晚到|超时|扣(?:了)?(?:钱|款|费))/;
const ZH_FAILED_SERVICE = /^(?:有|人|给我|给|我)*(?:回复|回应|答复|处理|解决|理|管|下文|消息|结果|退款|退钱|到账|联系|回电|来电|修好|换货|动静|音讯)/;
const ZH_PURCHASE = /^(?:的)?(?:购买|买|回购|光顾|入住|住|来吃|吃|喝|点|订|下单|用|看|使用|来|去|逛)/;
const CLAUSE = /[，。！？,.!?；;\n]/;

/** The clause the match sits in, up to `n` characters before it. */
function clauseBefore(t: string, s: number, n: number): string {
  const left = t.slice(Math.max(0, s - n), s);
  const parts = left.split(CLAUSE);
  return parts.slice(-2).join('，');
}

function zhRepeat(t: string, s: number, e: number, w: string): number {
  const next = t.slice(e, e + 12);
  const before = clauseBefore(t, s, 30);
  if (/还是没|依然没|仍然没|仍未|至今没|到现在还没/.test(w)) {
    const failed = ZH_FAILED_SERVICE.test(next);
    const contacted = ZH_CONTACT_BEFORE.test(t.slice(Math.max(0, s - 40), s));
    return failed && contacted ? 0.8 : contacted || failed ? 0.65 : 0;
  }
  // 第二次购买 / 不会再买第二次: a second purchase or visit, not a second complaint.
  // 没有第二次 / 不会再订第二次了: the writer will not come back.
  if (/(?:没有|没|不会|不再|再也不|决不|绝不)[^，。！？,.!?]{0,6}$/.test(t.slice(Math.max(0, s - 10), s)) && /次/.test(w)) return 0;
  if (ZH_PURCHASE.test(next) || /买|购|[吃喝看用住点来去逛]$/.test(t.slice(Math.max(0, s - 3), s))) return 0;
  if (w === '又' && (/^又[^又，。！？,.!?]{1,3}又/.test(t.slice(s, s + 6)) || /又[^又，。！？,.!?]{1,3}$/.test(t.slice(Math.max(0, s - 4), s)))) return 0;
  if (ZH_CONTACT.test(next)) return 0.75;
  if (ZH_RECUR.test(next)) return w === '又' || /次/.test(w) ? 0.7 : 0.65;
  // "第二次了" closing a clause about a failure: the same thing happened before.
  if (/^第.+次$/.test(w) && /^了?(?:[，。！？,.!?]|$)/.test(next) && /慢|错|漏|少|坏|没|不|晚|迟|冷|凉|洒/.test(before)) return 0.7;
  // 联系了多次 / 打了好几次: the repeat word after the contact verb.
  if (/多次|屡次|反复|不止一次|三番五次|再次|第.+次/.test(w) && ZH_CONTACT_BEFORE.test(t.slice(Math.max(0, s - 6), s))) return 0.75;
  return 0;
}

// ——— English ———
const EN_CONTACT = /\b(?:call(?:ed|ing|s)?|phoned|contact(?:ed|ing|s)?|e-?mail(?:ed|ing|s)?|wr(?:ote|itten|ite|iting)|sent|send|spoke|spoken|speak|talked|asked|request(?:ed|ing)?|complain(?:ed|ing|t|ts)?|disput(?:e|ed|es|ing)|report(?:ed|ing)?|reached out|reach out|follow(?:ed)?[- ]up|submit(?:ted)?|filed|escalat\w+|messag(?:e|ed|ing)|chat(?:ted)?|tried|visit(?:ed)?|went back|returned|told (?:them|him|her|the|you)|assur(?:ed|e)|promis(?:ed|e))\b/i;
const EN_RECUR = /\b(?:broke|broken|break(?:s|ing)?|stopped working|quit working|failed|fails|crash(?:ed|es)?|happened|happens|same (?:issue|problem|thing|error)|charged|double[- ]charged|overcharged|cancel(?:l?ed)|late|delayed|lost|died|wrong (?:order|item))\b/i;
const EN_FAILED_SERVICE = /^\s*(?:(?:have|has|had)\s+)?(?:no\s+|not\s+(?:been\s+)?|never\s+)?(?:one|response|responded|reply|replied|replies|answer|answered|got(?:ten)? back|resolution|resolve|resolved|fixed|refund(?:ed)?|credit(?:ed)?|removed|corrected|heard|word|update|call(?:ed)? back|callback|received|help(?:ed|ing)?|contact(?:ed)?|returned|reimbursed|addressed|investigat\w+)\b/i;

function enRepeat(t: string, s: number, e: number, w: string): number {
  const lw = w.toLowerCase();
  const before = t.slice(Math.max(0, s - 50), s);
  const after = t.slice(e, e + 40);
  if (/^still/.test(lw)) {
    const failed = EN_FAILED_SERVICE.test(t.slice(e, e + 40));
    const contacted = EN_CONTACT.test(t.slice(Math.max(0, s - 120), s));
    return failed && contacted ? 0.8 : contacted || failed ? 0.65 : 0;
  }
  if (/\b(?:would|will|definitely|gladly|happily|can't wait to|cannot wait to|thanks|thank you)\b[^.!?]{0,25}$/i.test(t.slice(Math.max(0, s - 40), s))) return 0;
  // "Again, I reiterate …": a discourse marker, not a second contact.
  if (lw === 'again' && /^\s*,/.test(after) && /(?:^|[.!?]\s*)$/.test(t.slice(Math.max(0, s - 3), s))) return 0;
  // The contact verb within a few words, in the same sentence, and done by the writer: "they
  // called me repeatedly" is a collector's calls, not a complaint made twice.
  const words = (x: string, n: number, tail: boolean) => { const ws = x.split(/\s+/).filter(Boolean); return (tail ? ws.slice(-n) : ws.slice(0, n)).join(' '); };
  const near = `${words(before.split(/[.!?]/).pop() ?? '', 6, true)} ${w} ${words(after.split(/[.!?]/)[0] ?? '', 6, false)}`;
  if (EN_CONTACT.test(near) && !new RegExp(`${EN_CONTACT.source}\\s+(?:me|us)\\b`, 'i').test(near)) return 0.75;
  if (EN_RECUR.test(near)) return 0.65;
  return 0;
}

export const REPEAT_ZH: CueRule = {
  trigger: /又(?=是|来|坏|没|不|出|被|要|迟|晚|送错|送晚|送迟|超时|漏|卡|闪|失败|扣|一次|双叒|错|慢|凉|洒|少|找|打|联系|投诉|催|反映|申请|发错)|再次|再一次|第[二三四五六七八九十两\d]+次|还是没|依然没|仍然没|仍未|至今没|到现在还没|多次|屡次|反复|三番五次|不止一次/,
  assess: zhRepeat,
};

export const REPEAT_EN: CueRule = {
  trigger: /\bagain\b|\bstill (?:not|no|hasn't|haven't|hasnt|havent|doesn't|don't|didn't|waiting|broken)\b|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bmultiple times\b|\brepeatedly\b|\bfor weeks\b/i,
  assess: enRepeat,
};
