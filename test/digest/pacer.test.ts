// The pacer against a controllable clock: bursts, the sustained rate, pauses and slowing down.
import { describe, expect, it } from 'vitest';
import { backoffMs, Pacer, type Clock } from '../../src/digest/pacer.js';

function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => void (c.t += Math.max(0, ms)),
  };
  return c;
}

describe('pacer', () => {
  it('lets a burst through, then holds the rate per key', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ perSecond: 7, burst: 1 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await pacer.take('thread');
      times.push(clock.t);
    }
    // 15 sends at 7/s: the last at 14/7 s; never more than 7 in any second.
    expect(times.at(-1)).toBeCloseTo(2000, 0);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(7);
    const other = clock.t;
    await pacer.take('another-thread');
    expect(clock.t).toBe(other);
  });

  it('pauses a key for Retry-After, then resumes one by one at a lower rate', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ perSecond: 10, burst: 5 }, clock);
    for (let i = 0; i < 5; i++) await pacer.take('w');
    expect(clock.t).toBe(0);
    pacer.pause('w', 1000, 0.5);
    pacer.pause('w', 1000, 0.5); // a second 429 from the same burst does not slow down twice
    await pacer.take('w');
    expect(clock.t).toBeGreaterThanOrEqual(1000);
    const start = clock.t;
    await pacer.take('w');
    expect(clock.t - start).toBeCloseTo(200, 0);
  });

  it('does not turn slots missed during a busy moment into a burst', async () => {
    const clock = fakeClock();
    const sleep = clock.sleep;
    // One sleep wakes 600 ms late, as when the event loop was blocked.
    let n = 0;
    clock.sleep = async (ms) => sleep(++n === 3 ? ms + 600 : ms);
    const pacer = new Pacer({ perSecond: 7, burst: 1 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await pacer.take('thread');
      times.push(clock.t);
    }
    // Spaced by the interval after the late wake-up as before it (the old pacer let the slots that
    // had passed meanwhile go at once).
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000 / 7 - 0.001);
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(1, 100, 5000, () => 1)).toBe(100);
    expect(backoffMs(4, 100, 5000, () => 1)).toBe(800);
    expect(backoffMs(10, 100, 5000, () => 1)).toBe(5000);
    expect(backoffMs(3, 100, 5000, () => 0.5)).toBe(200);
    expect(backoffMs(3, 100, 5000, () => 0)).toBe(0);
  });
});
