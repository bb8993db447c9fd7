import type { Language } from '@vigil/contracts';
import { detectLanguage, toSimplified, type LanguageInfo } from './language';
import { createSegmenter } from './segmenter';
import { toHalfWidth } from './text';

/**
 * The post as the analysis reads it, for matching it against watch rules: the text (title,
 * newline, body; half-width; simplified when it is traditional Chinese) and, for Chinese and
 * mixed posts, its segmentation (every piece, concatenating to `text`, so a rule's Chinese word
 * can be held to word edges). The analyzer hands this out; the api rebuilds it from a stored
 * mention with `createTextViewer`, and `text-view.spec.ts` holds the two equal.
 */
export interface TextView {
  text: string;
  words?: readonly string[];
  language: Language;
}

export interface NormalizedPost {
  lang: LanguageInfo;
  bodyNorm: string;
  titleNorm?: string;
  /** titleNorm + newline + bodyNorm (or bodyNorm alone). */
  text: string;
}

/** Language and the normalised text of an already masked (and truncated) post. */
export function normalizePost(maskedText: string, maskedTitle: string | undefined, langHint?: string): NormalizedPost {
  const combinedRaw = maskedTitle ? `${maskedTitle}\n${maskedText}` : maskedText;
  const lang = detectLanguage(toHalfWidth(combinedRaw), langHint);
  const norm = (s: string) => (lang.script === 'traditional' ? toSimplified(toHalfWidth(s)) : toHalfWidth(s));
  const bodyNorm = norm(maskedText);
  const titleNorm = maskedTitle !== undefined ? norm(maskedTitle) : undefined;
  return { lang, bodyNorm, titleNorm, text: titleNorm !== undefined ? `${titleNorm}\n${bodyNorm}` : bodyNorm };
}

/** Chinese and mixed posts are segmented; others are matched on Latin word edges only. */
export const isSegmented = (language: Language): boolean => language === 'zh' || language === 'mixed';

/** Text views of stored mentions (their text is already masked and truncated), with the same user terms the processor used. */
export function createTextViewer(userTerms: readonly string[] = []): (post: { text: string; title?: string; langHint?: string }) => TextView {
  const seg = createSegmenter(userTerms);
  return (post) => {
    const n = normalizePost(post.text, post.title, post.langHint);
    const language = n.lang.language;
    return { text: n.text, language, ...(isSegmented(language) ? { words: seg.cutZh(n.text) } : {}) };
  };
}
