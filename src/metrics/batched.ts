// Request-path metrics without prom-client's per-call work (label hashing and checks, three
// calls per request): observations wait here, grouped by label set, and reach prom-client in
// one pass when /metrics is scraped (through the metric's `collect`) or once `limit` are
// waiting, whichever comes first. Nothing is lost or counted twice; memory stays bounded.

export class BatchedObservations<Labels extends Record<string, string>> {
  private readonly pending = new Map<string, { readonly labels: Labels; values: number[] }>();
  private waiting = 0;

  constructor(
    /** Hands one label set's values to prom-client. */
    private readonly apply: (labels: Labels, values: readonly number[]) => void,
    private readonly limit = 1024,
  ) {}

  /** `key` names the label set (callers build it from the label values they already have). */
  add(key: string, labels: Labels, value: number): void {
    const group = this.pending.get(key);
    if (group) group.values.push(value);
    else this.pending.set(key, { labels, values: [value] });
    if (++this.waiting >= this.limit) this.flush();
  }

  flush(): void {
    if (this.waiting === 0) return;
    for (const { labels, values } of this.pending.values()) {
      if (values.length === 0) continue;
      this.apply(labels, values);
      values.length = 0;
    }
    this.waiting = 0;
    // Label sets are few (surfaces, routes, outcomes); the map is only cleared if it grows.
    if (this.pending.size > 256) this.pending.clear();
  }
}
