// Batched observations must end up exactly where direct prom-client calls would put them:
// every one counted once, whether handed over by a scrape or by the size limit.
import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BatchedObservations } from '../../src/metrics/batched.js';

function pair() {
  const direct = new Registry();
  const batched = new Registry();
  const buckets = [0.001, 0.01, 0.1, 1];
  const d = new Histogram({ name: 'h', help: 'h', labelNames: ['k'], buckets, registers: [direct] });
  const dc = new Counter({ name: 'c', help: 'c', labelNames: ['k', 'x'], registers: [direct] });
  const times = new BatchedObservations<{ k: string }>((l, vs) => vs.forEach((v) => b.observe(l, v)));
  const counts = new BatchedObservations<{ k: string; x: string }>((l, vs) => bc.inc(l, vs.length));
  const b = new Histogram({ name: 'h', help: 'h', labelNames: ['k'], buckets, registers: [batched], collect: () => times.flush() });
  const bc = new Counter({ name: 'c', help: 'c', labelNames: ['k', 'x'], registers: [batched], collect: () => counts.flush() });
  const observe = (k: string, x: string, v: number): void => {
    d.observe({ k }, v);
    dc.inc({ k, x });
    times.add(k, { k }, v);
    counts.add(`${k} ${x}`, { k, x }, 1);
  };
  return { direct, batched, observe };
}

describe('BatchedObservations', () => {
  it('gives the same exposition as direct calls, across label sets and repeated scrapes', async () => {
    const { direct, batched, observe } = pair();
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 500; i++) observe(['slack', 'teams', 'health'][i % 3]!, String(i % 2), next() * 2);
      expect(await batched.metrics()).toBe(await direct.metrics());
    }
    // A scrape with nothing new waiting changes nothing.
    expect(await batched.metrics()).toBe(await direct.metrics());
  });

  it('hands observations over once `limit` are waiting, without a scrape, and never twice', () => {
    const handed: { k: string; values: number[] }[] = [];
    const batch = new BatchedObservations<{ k: string }>((l, vs) => handed.push({ k: l.k, values: [...vs] }), 10);
    for (let i = 0; i < 9; i++) batch.add(i % 2 ? 'a' : 'b', { k: i % 2 ? 'a' : 'b' }, i);
    expect(handed).toEqual([]);
    batch.add('a', { k: 'a' }, 9);
    expect(handed).toEqual([{ k: 'b', values: [0, 2, 4, 6, 8] }, { k: 'a', values: [1, 3, 5, 7, 9] }]);
    batch.flush();
    expect(handed).toHaveLength(2);
    batch.add('b', { k: 'b' }, 10);
    batch.flush();
    expect(handed[2]).toEqual({ k: 'b', values: [10] });
  });
});
