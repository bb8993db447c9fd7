import { isHan, isWordChar } from './fold';

/** How a term's edge must sit in the post: anywhere, at a Latin word edge, or at a Chinese word edge. */
const enum Edge {
  Free = 0,
  Word = 1,
  Segment = 2,
}

export interface TermSpec {
  folded: string;
  leftFree: boolean;
  rightFree: boolean;
}

function leftEdge(t: TermSpec): Edge {
  if (t.leftFree) return Edge.Free;
  const c = t.folded.charCodeAt(0);
  if (isHan(c)) return Edge.Segment;
  // @handle and #tag must not start inside a word either (support@freshdash.com is no @freshdash).
  return isWordChar(c) || c === 0x40 || c === 0x23 ? Edge.Word : Edge.Free;
}

function rightEdge(t: TermSpec): Edge {
  if (t.rightFree) return Edge.Free;
  const c = t.folded.charCodeAt(t.folded.length - 1);
  if (isHan(c)) return Edge.Segment;
  return isWordChar(c) ? Edge.Word : Edge.Free;
}

/**
 * Every distinct term of every watch in one character trie, so a post is scanned once however
 * many watches there are: from each position the trie is walked as far as the text follows it
 * (a first character no term starts with costs one array read). Hits are then held to their
 * edges: a Latin term must not start or end inside a Latin word; a Chinese term must start and
 * end where the segmenter cut the post (退款 is not found in 衰退|款式), unless a * frees that edge.
 */
export class TermIndex {
  private readonly ids = new Map<string, number>();
  readonly terms: TermSpec[] = [];
  private left: Edge[] = [];
  private right: Edge[] = [];
  /** Root children by UTF-16 unit (-1: no term starts with it). */
  private readonly root = new Int32Array(65536).fill(-1);
  private readonly children: (Map<number, number> | undefined)[] = [undefined];
  /** Terms ending at a node. */
  private readonly ends: (number[] | undefined)[] = [undefined];

  /** The id of a term, adding it on first sight. */
  add(t: TermSpec): number {
    const key = `${t.leftFree ? 1 : 0}${t.rightFree ? 1 : 0}${t.folded}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.ids.set(key, id);
    this.terms.push(t);
    this.left.push(leftEdge(t));
    this.right.push(rightEdge(t));
    let node = -1;
    for (let i = 0; i < t.folded.length; i++) {
      const c = t.folded.charCodeAt(i);
      let next: number | undefined;
      if (node < 0) next = this.root[c]! >= 0 ? this.root[c] : undefined;
      else next = this.children[node]?.get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(undefined);
        this.ends.push(undefined);
        if (node < 0) this.root[c] = next;
        else (this.children[node] ??= new Map()).set(c, next);
      }
      node = next;
    }
    (this.ends[node] ??= []).push(id);
    return id;
  }

  get size(): number {
    return this.terms.length;
  }

  /**
   * Finds every term in `folded` whose edges hold, calling `hit(termId, start, end)`.
   * `boundary(pos)` says whether the segmenter put a word edge at `pos` (true everywhere when
   * the post was not segmented).
   */
  scan(folded: string, boundary: (pos: number) => boolean, hit: (term: number, start: number, end: number) => void): void {
    const n = folded.length;
    const root = this.root;
    for (let i = 0; i < n; i++) {
      let node = root[folded.charCodeAt(i)]!;
      if (node < 0) continue;
      let j = i + 1;
      for (;;) {
        const ends = this.ends[node];
        if (ends !== undefined) {
          for (let k = 0; k < ends.length; k++) {
            const id = ends[k]!;
            if (this.edgeHolds(this.left[id]!, folded, i, true, boundary) && this.edgeHolds(this.right[id]!, folded, j, false, boundary)) hit(id, i, j);
          }
        }
        if (j >= n) break;
        const next = this.children[node]?.get(folded.charCodeAt(j));
        if (next === undefined) break;
        node = next;
        j++;
      }
    }
  }

  private edgeHolds(edge: Edge, text: string, pos: number, isStart: boolean, boundary: (pos: number) => boolean): boolean {
    if (edge === Edge.Free) return true;
    if (edge === Edge.Word) {
      const at = isStart ? pos - 1 : pos;
      return at < 0 || at >= text.length || !isWordChar(text.charCodeAt(at));
    }
    return pos <= 0 || pos >= text.length || boundary(pos);
  }
}
