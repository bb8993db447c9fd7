/**
 * Key → recent ids, bounded twice: each list keeps its newest `perKey` ids, and the
 * index holds at most `maxKeys` keys in two generations. When the young generation
 * is full it becomes the old one and the old one is dropped whole; a key written
 * again moves to the young generation. That is LRU-like eviction in O(1) without
 * iterating a Map from its front (which V8 makes slow once deletions pile up).
 */
export class BoundedIndex<K> {
  private young = new Map<K, string[]>();
  private old = new Map<K, string[]>();

  constructor(
    private readonly perKey: number,
    private readonly maxKeys: number,
  ) {}

  add(key: K, id: string): void {
    let list = this.young.get(key);
    if (!list) {
      list = this.old.get(key) ?? [];
      this.young.set(key, list);
      if (this.young.size >= this.maxKeys / 2) {
        this.old = this.young;
        this.young = new Map();
      }
    }
    if (list[list.length - 1] === id) return;
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    list.push(id);
    if (list.length > this.perKey) list.shift();
  }

  get(key: K): readonly string[] | undefined {
    return this.young.get(key) ?? this.old.get(key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
