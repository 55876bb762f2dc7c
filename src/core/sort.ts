// Sorting for the handful of items one request has (phrases found, use cases, categories).
// Array.prototype.sort allocates work arrays on every call, about half a kilobyte; an insertion
// sort allocates nothing and is as fast for a few items. Both are stable: the same order results.

const SMALL = 24;

/** Sorts `items` in place, stably, and returns it. */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(items[j]!, item) > 0; j--) items[j + 1] = items[j]!;
    items[j + 1] = item;
  }
  return items;
}

/** Compares numbers for a descending order. Unlike `b - a` it yields only -1, 0 or 1, which V8
 * need not box as a heap number on each call. */
export const descending = (a: number, b: number): number => (a < b ? 1 : a > b ? -1 : 0);
/** The same for an ascending order. */
export const ascending = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
