// Digest delivery counts in /metrics: whatever sender the runner uses is wrapped once, and each
// outcome (sent, failed, dead, or a throw) is counted under its platform.
import { describe, expect, it } from 'vitest';
import type { DigestSender, SendOutcome } from '../../src/digest/sender.js';
import { countingSender } from '../../src/metrics/digest.js';
import { registry } from '../../src/metrics/registry.js';
import type { SubscriptionRecord } from '../../src/store/digest-types.js';

const value = async (name: string, labels: Record<string, string>): Promise<number> => {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name)!;
  const hit = (metric.values as { labels: Record<string, string>; value: number }[]).find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return hit?.value ?? 0;
};

describe('digest metrics', () => {
  it('counts deliveries and failures by platform and kind', async () => {
    const outcomes: (SendOutcome | Error)[] = [{ kind: 'sent' }, { kind: 'sent' }, { kind: 'failed', reason: 'ratelimited' }, { kind: 'dead', reason: 'channel_not_found' }, new Error('boom')];
    const inner: DigestSender = {
      send: async () => {
        const next = outcomes.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
    };
    const sender = countingSender(inner);
    const sub = { platform: 'slack' } as SubscriptionRecord;
    const teams = { platform: 'teams' } as SubscriptionRecord;
    const card = { title: 'x', elements: [] } as never;
    // One registry per process, and other test files in this worker may have counted before.
    const counted = [
      ['which_tool_digest_deliveries_total', { platform: 'slack' }],
      ['which_tool_digest_deliveries_total', { platform: 'teams' }],
      ['which_tool_digest_failures_total', { platform: 'teams', kind: 'failed' }],
      ['which_tool_digest_failures_total', { platform: 'slack', kind: 'dead' }],
      ['which_tool_digest_failures_total', { platform: 'slack', kind: 'failed' }],
    ] as const;
    const before = await Promise.all(counted.map(([name, labels]) => value(name, labels)));
    await sender.send(sub, card);
    await sender.send(sub, card);
    await sender.send(teams, card);
    await sender.send(sub, card);
    await expect(sender.send(sub, card)).rejects.toThrow('boom');
    const after = await Promise.all(counted.map(([name, labels]) => value(name, labels)));
    expect(after.map((n, i) => n - before[i]!)).toEqual([2, 0, 1, 1, 1]);
    const text = await registry.metrics();
    expect(text).toContain(`which_tool_digest_deliveries_total{platform="slack"} ${after[0]}`);
  });
});
