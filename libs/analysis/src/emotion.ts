import type { Emotion } from '@vigil/contracts';
import { scriptsOf } from './text';

const INTENSE_ZH = /气死|愤怒|火大|恼火|忍无可忍|受够|崩溃|疯了|抓狂|气炸|太过分|欺人太甚|无法忍受|忍不了|不能忍|恶心死|坑死|烦死/g;
const PROFANE_ZH = /妈的|他妈|tmd|傻逼|sb|操你|卧槽|尼玛|狗屎|垃圾|滚|去死|脑残|王八蛋|混蛋|坑爹|狗东西/gi;
const THREAT_ZH = /投诉到底|曝光你们|走着瞧|等着瞧|告你们|告到|砸了|拉黑|再也不|让你们|跟你们没完|弄死/g;
const INTENSE_EN = /\b(?:furious|outraged|livid|pissed|fed up|sick of|enraged|infuriat\w*|hate|disgust\w*|unacceptable|ridiculous|worst|rage|angry|irate)\b/gi;
const PROFANE_EN = /\b(?:fuck\w*|shit\w*|damn\w*|wtf|bullshit|asshole\w*|crap\w*|bastard\w*|idiot\w*|moron\w*|stupid)\b/gi;
const THREAT_EN = /\b(?:i will sue|see you in court|report you|never again|you'll regret|you will regret|going to sue|i'm done with|never buy|will never)\b/gi;
// Insults and outrage at the company or its people (an angry writer attacks; a dissatisfied one describes).
const INSULT_ZH = /垃圾|骗子|骗人|无耻|不要脸|要脸|黑心|奸商|无良|缺德|人渣|畜生|王八|狗仗人势|丧尽天良|汉奸|呸|犯贱|坑爹|坑人|搞毛线|搞什么鬼|良心被狗|天理何在|没有王法|欺人太甚|吃屎|混账|败类/g;
// Rhetorical anger: demands and questions that accuse ("到底有没有人管", "凭什么", "你们是干什么吃的").
const RHETORIC_ZH = /到底|凭什么|有没有人管|谁给你们的|算什么东西|干什么吃的|还有没有|这是什么(?:态度|商家|服务|玩意|东西|平台)|怎么(?:还|就)?(?:不|没)[^，。！？]{0,8}[?？]|[?？][!！]|[!！][?？]/g;
const INSULT_EN = /\b(?:idiots?|morons?|pathetic|disgrac\w*|shameful|liars?|thieves|crooks?|scam(?:mers?)?|incompetent|clowns?|trash|garbage|useless|suck(?:s|ed)?|outrag\w*|how dare|the hell|are you kidding|unbelievable|screw (?:you|this|them)|pisse[sd]? (?:me )?off|so mad|mad at|fuming|irritat\w*|annoy\w*|sick and tired)\b|#(?:angry|furious|pissed|fuming|rage|outrage\w*)\b/gi;
const ANGRY_EMOJI = /😡|🤬|😠|💢|🖕|\[怒\]|\[抓狂\]/gu;
const PUNCT_RUNS = /[!！]{2,}|[?？]{2,}|[!?！？]{3,}/g;
// Acronyms are not shouting.
const ACRONYMS = new Set(['USD', 'RMB', 'CNY', 'FTC', 'BBB', 'CFPB', 'FCC', 'IOS', 'APP', 'USA', 'CEO', 'ATM', 'SMS', 'VIP', 'OK', 'TV', 'ID', 'PIN', 'UPS', 'DHL', 'USPS', 'FBI', 'XXXX', 'XX']);

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return (text.match(re) ?? []).length;
}

export interface EmotionSignals {
  text: string;
  sentimentScore: number;
  /** Added to the score: what the deployment learnt from its analysts' emotion corrections. */
  nudge?: number;
}

/** Intensity of expression, separate from polarity: a calm negative review is not an angry rant. */
export function detectEmotion({ text, sentimentScore, nudge = 0 }: EmotionSignals): Emotion & { signals: string[]; score: number } {
  const signals: string[] = [];
  // Chinese patterns need a non-ASCII character, English ones a Latin letter: skip what cannot match.
  const { latin, nonAscii } = scriptsOf(text);
  const zh = (re: RegExp) => (nonAscii ? count(re, text) : 0);
  const en = (re: RegExp) => (latin ? count(re, text) : 0);
  const intense = zh(INTENSE_ZH) + en(INTENSE_EN);
  const insults = Math.min(zh(INSULT_ZH) + en(INSULT_EN), 4);
  const rhetoric = Math.min(zh(RHETORIC_ZH), 3);
  const profane = count(PROFANE_ZH, text) + en(PROFANE_EN);
  const threats = zh(THREAT_ZH) + en(THREAT_EN);
  const punct = count(PUNCT_RUNS, text);
  const angryEmoji = Math.min(zh(ANGRY_EMOJI), 3);
  const words = text.match(/\b[A-Za-z]{3,}\b/g) ?? [];
  const shouted = words.filter((w) => w === w.toUpperCase() && !ACRONYMS.has(w)).length;
  const capsShare = words.length >= 3 ? shouted / words.length : shouted >= 2 ? 0.5 : 0;
  let x = 0.5 * intense + 0.6 * profane + 0.6 * threats + 0.45 * insults + 0.35 * rhetoric + 0.3 * Math.min(punct, 4) + 0.35 * angryEmoji + 1.2 * capsShare;
  if (sentimentScore < -0.5) x += 0.15;
  if (intense) signals.push('intensity words');
  if (profane) signals.push('profanity');
  if (insults) signals.push('insults');
  if (rhetoric) signals.push('rhetorical anger');
  if (threats) signals.push('threats');
  if (punct) signals.push('repeated punctuation');
  if (angryEmoji) signals.push('angry emoji');
  if (capsShare >= 0.3) signals.push('capitals');
  const rulesScore = x;
  x = Math.max(0, x + nudge);
  const intensity = Math.round((1 - Math.exp(-x)) * 1000) / 1000;
  const level = intensity >= 0.6 ? 'angry' : intensity >= 0.3 ? 'agitated' : 'calm';
  return { level, intensity, signals, score: rulesScore };
}
