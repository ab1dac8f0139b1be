/**
 * Keeps the k highest-scoring ids seen so far in a min-heap: O(n log k) for a scan of n scores,
 * without sorting the whole catalogue for every user. Ties go to the smaller id, so results do
 * not depend on the order ids arrive in.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  /** True when (a, idA) ranks below (b, idB). */
  private below(a: number, idA: number, b: number, idB: number): boolean {
    return a < b || (a === b && idA > idB);
  }

  push(score: number, id: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.below(score, id, this.scores[parent] as number, this.ids[parent] as number)) break;
        this.scores[at] = this.scores[parent] as number;
        this.ids[at] = this.ids[parent] as number;
        at = parent;
      }
      this.scores[at] = score;
      this.ids[at] = id;
      return;
    }
    if (!this.below(this.scores[0] as number, this.ids[0] as number, score, id)) return;
    this.siftDown(score, id);
  }

  /** The smallest score kept (the k-th best once full). */
  min(): number {
    return this.size > 0 ? (this.scores[0] as number) : Number.NEGATIVE_INFINITY;
  }

  private siftDown(score: number, id: number): void {
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let child = left;
      if (
        right < this.size &&
        this.below(
          this.scores[right] as number,
          this.ids[right] as number,
          this.scores[left] as number,
          this.ids[left] as number,
        )
      ) {
        child = right;
      }
      if (!this.below(this.scores[child] as number, this.ids[child] as number, score, id)) break;
      this.scores[at] = this.scores[child] as number;
      this.ids[at] = this.ids[child] as number;
      at = child;
    }
    this.scores[at] = score;
    this.ids[at] = id;
  }

  /** The kept ids and scores, best first. */
  sorted(): { ids: number[]; scores: number[] } {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => {
      const sa = this.scores[a] as number;
      const sb = this.scores[b] as number;
      return sb - sa || (this.ids[a] as number) - (this.ids[b] as number);
    });
    return { ids: order.map((i) => this.ids[i] as number), scores: order.map((i) => this.scores[i] as number) };
  }
}

/** Positions of the k highest values of `scores`, best first (ties: the earlier position). */
export function topPositions(scores: ArrayLike<number>, k: number): number[] {
  const heap = new TopK(Math.min(k, scores.length));
  for (let i = 0; i < scores.length; i++) heap.push(scores[i] as number, i);
  return heap.sorted().ids;
}
