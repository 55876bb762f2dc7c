// Encryption of secrets at rest (AES-256-GCM): no key, the right key, a wrong key, a rotated key
// (the previous one only reads), and a sealed value that was changed or moved to another row.
import { describe, expect, it } from 'vitest';
import { ErrorCode, WhichToolError } from '../../src/core/errors.js';
import { SecretBox } from '../../src/store/secret-box.js';

const OLD = Buffer.alloc(32, 1);
const NEW = Buffer.alloc(32, 2);
const TOKEN = 'xoxe.xoxb-1-secret-bot-token';
const ROW = 'Slack installation T:T1 bot token';

const unreadable = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WhichToolError);
    expect((err as WhichToolError).code).toBe(ErrorCode.SecretUnreadable);
    expect((err as Error).message).not.toContain(TOKEN);
    return (err as Error).message;
  }
  throw new Error('it opened');
};

describe('SecretBox', () => {
  it('no key: stores and reads values as given, and nothing is stale', () => {
    const box = new SecretBox({});
    expect(box.encrypts).toBe(false);
    expect(box.seal(TOKEN, ROW)).toBe(TOKEN);
    expect(box.open(TOKEN, ROW)).toBe(TOKEN);
    expect(box.isStale(TOKEN)).toBe(false);
  });

  it('with a key: seals with a fresh IV each time, names the key by a hash, and opens what it sealed', () => {
    const box = new SecretBox({ current: NEW });
    const a = box.seal(TOKEN, ROW);
    const b = box.seal(TOKEN, ROW);
    expect(a).toMatch(/^enc:v1:[0-9a-f]{12}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toContain(NEW.toString('hex'));
    expect(box.open(a, ROW)).toBe(TOKEN);
    expect(box.isStale(a)).toBe(false);
    // A plain value from before the key was set is still read, and is due for sealing.
    expect(box.open(TOKEN, ROW)).toBe(TOKEN);
    expect(box.isStale(TOKEN)).toBe(true);
  });

  it('wrong key: refuses with what to set, never garbage', () => {
    const sealed = new SecretBox({ current: OLD }).seal(TOKEN, ROW);
    expect(unreadable(() => new SecretBox({ current: NEW }).open(sealed, ROW))).toBe(
      `cannot read the ${ROW}: it was encrypted with another key: set WHICH_TOOL_SECRET_KEY_PREVIOUS to that key`,
    );
    expect(unreadable(() => new SecretBox({}).open(sealed, ROW))).toBe(`cannot read the ${ROW}: it is encrypted and WHICH_TOOL_SECRET_KEY is not set`);
  });

  it('rotated key: the previous key opens old values, which are stale; new values use the new key only', () => {
    const sealedOld = new SecretBox({ current: OLD }).seal(TOKEN, ROW);
    const rotating = new SecretBox({ current: NEW, previous: OLD });
    expect(rotating.open(sealedOld, ROW)).toBe(TOKEN);
    expect(rotating.isStale(sealedOld)).toBe(true);
    const resealed = rotating.seal(rotating.open(sealedOld, ROW), ROW);
    expect(rotating.isStale(resealed)).toBe(false);
    expect(new SecretBox({ current: NEW }).open(resealed, ROW)).toBe(TOKEN);
    unreadable(() => new SecretBox({ current: OLD }).open(resealed, ROW));
  });

  it('refuses a sealed value that was altered, truncated, or moved to another row', () => {
    const box = new SecretBox({ current: NEW });
    const sealed = box.seal(TOKEN, ROW);
    const parts = sealed.split(':');
    const flipped = [...parts.slice(0, -1), `${parts.at(-1)!.slice(0, -2)}${parts.at(-1)!.endsWith('AA') ? 'AB' : 'AA'}`].join(':');
    expect(unreadable(() => box.open(flipped, ROW))).toMatch(/altered or belongs to another record/);
    unreadable(() => box.open(parts.slice(0, -1).join(':'), ROW));
    unreadable(() => box.open(sealed, 'Slack installation T:T2 bot token'));
  });
});
