// Where each catalog word occurs in the request being matched: for each stem id its positions,
// in order, with their weights. Kept in typed arrays reused from request to request, stamped
// with the request's number, so matching a request allocates nothing here.

const NONE = -1;

export class Occurrences {
  private request = 0;
  /** By stem id: the request that last saw the stem; its first and last positions. */
  private readonly seenIn: Int32Array;
  private readonly firstAt: Int32Array;
  private readonly lastAt: Int32Array;
  /** By position: the next position of the same stem, its weight, and whether a phrase claimed it. */
  private nextAt = new Int32Array(64);
  private weightAt = new Float64Array(64);
  private claimedIn = new Int32Array(64);
  /** The stem ids present, in the order first seen. */
  private present = new Int32Array(64);
  private presentCount = 0;

  constructor(stemCount: number) {
    this.seenIn = new Int32Array(stemCount);
    this.firstAt = new Int32Array(stemCount);
    this.lastAt = new Int32Array(stemCount);
  }

  /** Forgets the previous request; `length` is how many words the new one has. */
  reset(length: number): void {
    if (++this.request === 0x7fffffff) {
      this.request = 1;
      this.seenIn.fill(0);
      this.claimedIn.fill(0);
    }
    this.presentCount = 0;
    if (length > this.nextAt.length) {
      const size = Math.max(length, 2 * this.nextAt.length);
      this.nextAt = new Int32Array(size);
      this.weightAt = new Float64Array(size);
      this.claimedIn = new Int32Array(size);
      this.present = new Int32Array(size);
    }
  }

  /** Records a word of positive weight; positions must come in increasing order. */
  add(stem: number, position: number, weight: number): void {
    this.nextAt[position] = NONE;
    this.weightAt[position] = weight;
    if (this.seenIn[stem] !== this.request) {
      this.seenIn[stem] = this.request;
      this.firstAt[stem] = position;
      this.present[this.presentCount++] = stem;
    } else {
      this.nextAt[this.lastAt[stem]!] = position;
    }
    this.lastAt[stem] = position;
  }

  /** How many distinct stems the request has. */
  get stemCount(): number {
    return this.presentCount;
  }

  /** The `k`th distinct stem of the request, in the order first seen. */
  stem(k: number): number {
    return this.present[k]!;
  }

  /** The first position of a stem, or -1. */
  first(stem: number): number {
    return this.seenIn[stem] === this.request ? this.firstAt[stem]! : NONE;
  }

  /** The next position of the stem at `position`, or -1. */
  next(position: number): number {
    return this.nextAt[position]!;
  }

  weight(position: number): number {
    return this.weightAt[position]!;
  }

  claim(position: number): void {
    this.claimedIn[position] = this.request;
  }

  claimed(position: number): boolean {
    return this.claimedIn[position] === this.request;
  }
}
