/**
 * Long posts are read whole, in bounded windows: each window is segmented, scored and searched
 * for cues on its own (so memory per step stays that of one window), then the results merge.
 * A cue that straddles a window edge is still found: cue search reads a little past the edge.
 */
export const WINDOW_CHARS = 4000;
/** How far cue search reads into the next window (longer than any cue pattern). */
export const WINDOW_OVERLAP = 64;

export interface TextWindow { start: number; end: number }

/**
 * Windows of at most `size` characters covering `text`, cut after sentence punctuation or a line
 * break in the last fifth of a window when there is one, never inside a surrogate pair.
 */
export function splitWindows(text: string, size = WINDOW_CHARS): TextWindow[] {
  if (text.length <= size) return [{ start: 0, end: text.length }];
  const out: TextWindow[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const floor = end - Math.floor(size / 5);
      let cut = -1;
      for (let i = end - 1; i >= floor; i--) {
        if ('。！？!?\n；;'.includes(text[i]!) || (text[i] === '.' && text[i + 1] === ' ')) { cut = i + 1; break; }
      }
      if (cut > start) end = cut;
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end -= 1;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}
