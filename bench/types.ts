// One row of `npm run bench`'s table. Each area adds a section module exporting `run()`.
export interface BenchRow {
  readonly section: string;
  readonly metric: string;
  readonly value: string;
  /** The target as text, e.g. "≤ 1 ms"; empty when informational. */
  readonly target: string;
  /** Whether the target is met; null when informational. */
  readonly met: boolean | null;
}

export type BenchSection = () => Promise<BenchRow[]>;
