/**
 * Context tests for risk cues: what around a matched word says it is not a risk after all
 * (negated, quoted, hypothetical, a title) or that it surely is (the writer's own experience).
 * Each returns a multiplier for the cue's confidence, so the reasons combine.
 */

const around = (t: string, s: number, e: number, before: number, after: number) =>
  t.slice(Math.max(0, s - before), Math.min(t.length, e + after));

export const windowTest = (re: RegExp, before = 12, after = 12) => (t: string, s: number, e: number) =>
  re.test(around(t, s, e, before, after));


const NEG_ZH = /(?:不|没|没有|无需|不用|不会|不想|别|未|不必|无|并未|从未|从来没)[^，。！？,.!?]{0,1}$/;
const NEG_EN = /\b(?:no|not|never|don't|dont|won't|wont|didn't|didnt|wasn't|wasnt|isn't|isnt|weren't|aren't|hasn't|haven't|without|no need to|nobody|no one)\s+(?:\w+\s+){0,2}$/i;

/** A negator right before the cue ("没找领导", "no need for a refund", "no one was injured"). */
export function negated(t: string, s: number, zh: boolean): boolean {
  const left = t.slice(Math.max(0, s - 20), s);
  return zh ? NEG_ZH.test(left) : NEG_EN.test(left);
}

/**
 * Inside a quotation, a book or film title or a hashtag: reported or named, not what happened
 * to the writer. Counted within the sentence: an opening mark with no closing one before the cue.
 */
export function quoted(t: string, s: number): boolean {
  const from = Math.max(0, s - 80);
  let open = 0;
  let ascii = 0;
  for (let i = s - 1; i >= from; i--) {
    const c = t[i]!;
    if ('。！？\n'.includes(c)) break;
    if (c === '《' || c === '“' || c === '「' || c === '『') open++;
    else if (c === '》' || c === '”' || c === '」' || c === '』') open--;
    else if (c === '"') ascii++;
  }
  return open > 0 || ascii % 2 === 1 || t[s - 1] === '#';
}

const HYPOTHETICAL_ZH = /(?:如果|要是|假如|万一|会不会|怕|担心|以免|以防|预防|防止|避免|可能会|估计|恐怕|小心|不然|否则|早就|怀疑|快要?|会|真想|本想|本来想|恨不得)[^，。！？,.!?]{0,10}$/;
const HYPOTHETICAL_EN = /\b(?:if|could|might|would|may|afraid|worried|in case|risk of|what if|imagine|pretend)\b[^.!?]{0,30}$/i;

/**
 * The match sits in a question nobody in it answers for the writer: "要曝光三元了么？", "will they go
 * public with the info before the Super Bowl?". A question with the writer as the one acting
 * ("你们是想让我找媒体吗？", "should I go to the press?") is left alone: that is a threat.
 */
export function speculativeQuestion(t: string, s: number, e: number, zh: boolean): boolean {
  if (zh) {
    const right = /^[^，。！!；;\n]{0,14}/.exec(t.slice(e, e + 15))?.[0] ?? '';
    const left = t.slice(Math.max(0, s - 15), s).split(/[，。！？!?；;\n]/).pop() ?? '';
    return /(?:吗|(?<![什怎那这多要])么|嘛)[？?]?$|[？?]/.test(right) && !/我/.test(left);
  }
  const start = Math.max(t.lastIndexOf('.', s), t.lastIndexOf('!', s), t.lastIndexOf('?', s - 1), t.lastIndexOf('\n', s)) + 1;
  const end = t.slice(e).search(/[.!?\n]/);
  if (end < 0 || t[e + end] !== '?') return false;
  return !/\b(?:i|i'm|i'll|we|we're|we'll|me|us)\b/i.test(t.slice(start, e + end));
}

/** Said as a possibility, a fear or a condition, not as something that happened. */
export function hypothetical(t: string, s: number, zh: boolean): boolean {
  const left = t.slice(Math.max(0, s - 40), s);
  return zh ? HYPOTHETICAL_ZH.test(left) : HYPOTHETICAL_EN.test(left);
}

const FIRST_PERSON_EN = /\b(?:i|i'm|i've|my|me|we|our|us|mine|son|daughter|kid|kids|child|children|wife|husband|mom|dad|mother|father|baby)\b/i;
/** The writer or their family appears near the cue: their own experience, not news. */
export const firstPersonEn = (t: string, s: number, e: number) => FIRST_PERSON_EN.test(around(t, s, e, 60, 40));

const STORY_ZH = /这本书|本书|此书|小说|故事|剧情|情节|主角|主人公|电视剧|电影|作者|书中|书里|读完|看完这/;
const STORY_EN = /\b(?:novel|the book|this book|movie|film|the plot|character|episode|chapter|author|season finale|tv show)\b/i;
/** A book, film or story review: what happens in it did not happen to the writer. */
export const storyContext = (t: string, s: number, e: number, zh: boolean) => (zh ? STORY_ZH : STORY_EN).test(around(t, s, e, 120, 80));

/** A simile in the clause ("像要爆炸了一样", "跟…似的"): a comparison, not an event. */
export function simileZh(t: string, s: number, e: number): boolean {
  const left = t.slice(Math.max(0, s - 10), s).split(/[，。！？,.!?]/).pop() ?? '';
  const right = t.slice(e, e + 6).split(/[，。！？,.!?]/)[0] ?? '';
  return /像|好像|仿佛|好比|犹如/.test(left) && /一样|似的|般/.test(right) || /^[了的]?(?:一样|似的|般)/.test(right) && /像|跟|和/.test(left);
}

const MEDICAL_HISTORY_EN = /\b(?:from birth|on the job|at work|work(?:place)? injur\w*|workers'? comp\w*|knee|acl|back injur\w*|lower back|surgery|disabilit\w*|chronic|years ago|radiation|chemo\w*|seizures?|physical therapy|rehab\w*|fibromyalgia|car accident|auto accident)\b/i;
/** An injury told as the writer's medical history (a work accident, a surgery), not one a product or service caused. */
export const medicalHistoryEn = (t: string, s: number, e: number) => MEDICAL_HISTORY_EN.test(around(t, s, e, 80, 60));
