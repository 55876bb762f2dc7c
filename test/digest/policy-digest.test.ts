// The owners' digest under a company AI policy, on a real SQLite file: the scheduled digest gains
// the policy report's counts (its own workspace's only, never request text or people), its tool
// tip never suggests a prohibited tool, and without a policy the digest is as before.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/core/policy/load.js';
import type { Policy } from '../../src/core/policy/policy.js';
import { applyPolicy } from '../../src/core/policy/apply.js';
import { DigestRunner } from '../../src/digest/runner.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Card } from '../../src/render/card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { cardToText } from '../../src/render/text.js';
import { requestLogEntry } from '../../src/store/request-entry.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import { recommender, shippedCatalog } from '../helpers/catalog.js';
import { policyFile, toolsOf } from '../helpers/policy.js';
import { SURFACE_POLICY } from '../helpers/policy-server.js';
import { tempDbPath } from './stand-ins.js';

const stores: OpenStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const PERIOD = new Date('2026-12-07T08:00:00Z'); // Monday 09:00 Berlin
const IN_WEEK = new Date('2026-12-03T10:00:00Z');
const catalog = shippedCatalog();
const policy = loadPolicy(policyFile('digest-policy.json', SURFACE_POLICY), catalog);
const r = recommender();

/** A week of requests in T1 (and one in another workspace), answered under the policy, with text logging on. */
function busyStore(): OpenStore {
  const store = openSqliteStore({ path: tempDbPath(), logRequestText: true, retentionDays: 90, log: silentLogger() });
  stores.push(store);
  const ask = (q: string, workspace = 'T1'): void =>
    store.surface.logRequest(requestLogEntry(applyPolicy(r.ask(q), policy), { surface: 'slack', workspace, channel: 'C1', at: IN_WEEK }, true));
  ask('I need 300 product shots a month for the shop');
  ask('a poster of our new mug for the shop window');
  ask("summarize the patient's chart for the handover");
  ask('copilot or cursor for the refactor?');
  ask('is midjourney ok for the ad?', 'T2');
  store.surface.recordAccessRequest({ at: IN_WEEK, surface: 'slack', workspace: 'T1', subject: 'image' });
  store.surface.recordAccessRequest({ at: IN_WEEK, surface: 'teams', workspace: 'T2', subject: 'Suno AI' });
  store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
  return store;
}

async function digestOf(store: OpenStore, inForce: Policy | null): Promise<Card> {
  const sent: Card[] = [];
  const runner = new DigestRunner({
    store: store.digest,
    catalog,
    sender: { send: async (_sub, card) => (sent.push(card), { kind: 'sent' }) },
    log: silentLogger(),
    graceHours: 6,
    policy: { current: () => inForce, log: store.policy },
  });
  await runner.runDue(PERIOD);
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

describe('the owners’ digest under an AI policy', () => {
  it('adds the policy counts for its own workspace, without request text or people', async () => {
    const card = await digestOf(busyStore(), policy);
    const text = cardToText(card);
    const section = text.slice(text.indexOf('For the AI policy’s owners'));
    expect(section).toContain('Answered with no approved tool: 3 (75% of 4)');
    expect(section).toMatch(/image: 2 \(best offered: restricted 0, under review 0; nothing allowed 2, by a data rule 0\)/);
    expect(section).toMatch(/llm: 1 \(.*by a data rule 1\)/);
    expect(section).toContain('Cursor (prohibited): 1');
    expect(section).toContain('Access requests:\n  1. image: 1');
    expect(section).toContain('health: 1');
    // T2's named Midjourney and access request are another workspace's.
    expect(section).not.toContain('Midjourney');
    expect(section).not.toContain('Suno AI');
    // The request log keeps text here (an admin's choice), but the policy section shows none of it.
    expect(section).not.toMatch(/patient|refactor|product shots|mug/);
    expect(cardToBlockKit(card).blocks.length).toBeLessThanOrEqual(50);
  });

  it('never tips a tool the policy prohibits; without a policy the digest has no policy section', async () => {
    const store = busyStore();
    const prohibitedEverywhere = loadPolicy(policyFile('only-llm.json', {
      unlisted: 'prohibited', tools: [{ name: toolsOf('llm')[1]!, status: 'approved' }],
    }), catalog);
    const tipped = cardToText(await digestOf(store, prohibitedEverywhere));
    expect(tipped).toContain(`Tool tip: ${toolsOf('llm')[1]}`);
    const plainStore = busyStore();
    const plain = cardToText(await digestOf(plainStore, null));
    expect(plain).not.toContain('AI policy');
    expect(plain).toContain('Tool tip:');
  });
});
