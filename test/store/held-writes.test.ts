// HeldWrites on its own: batches go out together after the turn; a write the database refuses
// costs only itself; while the database is away everything waits, in order, and goes out when
// it is back. (The Postgres store over a cut link: postgres.test.ts.)
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { HeldWrites } from '../../src/store/held-writes.js';

class Away extends Error {}

function setup() {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
  const written: string[][] = [];
  const state = { away: false };
  const writes = new HeldWrites<string>({
    write: async (batch) => {
      if (state.away) throw new Away('connection refused');
      if (batch.includes('bad')) throw new Error('violates a constraint');
      written.push([...batch]);
    },
    isAway: (err) => err instanceof Away,
    log,
    retryMs: 10,
  });
  return { lines, written, state, writes };
}

describe('held writes', () => {
  it('writes what one turn queued as one batch, and drops only a write the database refuses', async () => {
    const { lines, written, writes } = setup();
    for (const w of ['a', 'b', 'bad', 'c']) writes.add(w);
    expect(written).toEqual([]);
    await writes.flush();
    expect(written).toEqual([['a'], ['b'], ['c']]);
    writes.add('d');
    writes.add('e');
    await new Promise((r) => setImmediate(r));
    await writes.flush();
    expect(written.at(-1)).toEqual(['d', 'e']);
    expect(lines.filter((l) => l.includes('refused a write'))).toHaveLength(1);
    expect(writes.healthy).toBe(true);
  });

  it('holds everything in order while the database is away, says so once, and writes it when it is back', async () => {
    const { lines, written, state, writes } = setup();
    state.away = true;
    for (let i = 0; i < 5; i++) writes.add(`w${i}`);
    await writes.flush();
    writes.add('w5');
    await writes.flush();
    expect(writes.healthy).toBe(false);
    expect(writes.held).toBe(6);
    expect(lines.filter((l) => l.includes('writes are held'))).toHaveLength(1);
    state.away = false;
    await new Promise((r) => setTimeout(r, 100));
    expect(written.flat()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    expect(writes.held).toBe(0);
    expect(writes.healthy).toBe(true);
    expect(lines.filter((l) => l.includes('the database is back'))).toHaveLength(1);
  });
});
