// Callers in one event-loop turn share one wait, which ends after the turn's I/O callbacks and
// before the next turn; a caller after that waits for its own turn's end.
import { describe, expect, it } from 'vitest';
import { endOfTurn } from '../../src/surface/end-of-turn.js';

describe('endOfTurn', () => {
  it('gives every caller in a turn the same wait, resolved in the check phase of that turn', async () => {
    const order: string[] = [];
    const first = endOfTurn();
    const second = endOfTurn();
    expect(second).toBe(first);
    void first.then(() => order.push('answers'));
    setImmediate(() => order.push('immediate queued after'));
    setTimeout(() => order.push('next turn timer'), 0);
    queueMicrotask(() => order.push('microtask'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order.indexOf('microtask')).toBe(0);
    expect(order.indexOf('answers')).toBeLessThan(order.indexOf('immediate queued after'));
    expect(order).toContain('next turn timer');
    const later = endOfTurn();
    expect(later).not.toBe(first);
    await later;
  });
});
