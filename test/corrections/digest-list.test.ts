// The owners' list in a digest: this workspace's pending corrections, five with Accept / Reject
// (the buttons carry the id only), the rest counted; decided ones and other workspaces' never.
import { afterEach, describe, expect, it } from 'vitest';
import { Recommender } from '../../src/core/recommend.js';
import { composeDigest } from '../../src/digest/compose.js';
import { DigestRunner } from '../../src/digest/runner.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Card } from '../../src/render/card.js';
import { cardToAdaptiveCard } from '../../src/render/adaptive-card.js';
import { BLOCK_KIT_LIMITS, cardToBlockKit } from '../../src/render/block-kit.js';
import { digestCard } from '../../src/render/digest-card.js';
import { shippedCatalog } from '../helpers/catalog.js';
import { adaptiveCardProblems, actionsOf } from '../teams/support.js';
import { correct, openService, type Opened } from './helpers.js';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.store.close()));

describe('the owners’ list of corrections in a digest', () => {
  it('lists five of this workspace’s pending corrections with buttons and counts the rest', async () => {
    // A second apart: corrections made in the same millisecond have no order between them.
    let t = Date.parse('2026-12-01T10:00:00Z');
    const o = openService({ perHour: 0, now: () => new Date((t += 1000)) });
    opened.push(o);
    const sub = await o.store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'UTC' }, new Date('2026-11-01T00:00:00Z'));
    const mine = [];
    for (const [i, q] of ['a jingle for our bakery', 'need a glimmerpost for the zintaro launch', 'make slides', 'a logo', 'a podcast edit', 'a 3D chair', 'translate a menu'].entries()) mine.push((await correct(o.service, `${q} #${i}`, 'video')).correction);
    await o.service.accept([mine[0]!.id], 'cli:test');
    const elsewhere = await o.service.record({ answer: new Recommender(shippedCatalog()).ask('a secret of another company'), chosen: { category: 'llm' }, surface: 'slack', workspace: 'T2', user: 'U9' });

    const card = digestCard(await composeDigest({ store: o.store.digest, catalog: shippedCatalog(), sub, periodAt: new Date(), pending: await o.service.list('pending') }));
    const slack = cardToBlockKit(card);
    const teams = cardToAdaptiveCard(card);
    const ids = actionsOf(teams).filter((a) => a.verb === 'correction_accept').map((a) => a.data.id);
    expect(ids).toEqual(mine.slice(1, 6).map((c) => c.id));
    expect(actionsOf(teams).filter((a) => a.verb === 'correction_reject').map((a) => a.data)).toEqual(ids.map((id) => ({ verb: 'correction_reject', q: '', id })));
    expect(JSON.stringify(slack)).toContain('1 more correction waiting');
    expect(JSON.stringify(slack)).toContain('the person chose Video generator');
    expect(JSON.stringify([slack, teams])).not.toContain('another company');
    expect(JSON.stringify([slack, teams])).not.toContain(elsewhere.correction.id);
    expect(slack.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocks);
    expect(adaptiveCardProblems(teams)).toEqual([]);
  });

  it('is in the digest the runner sends', async () => {
    const o = openService();
    opened.push(o);
    await o.store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', schedule: '0 9 * * *', timeZone: 'UTC' }, new Date('2026-11-01T00:00:00Z'));
    const { correction } = await correct(o.service, 'need a glimmerpost for the zintaro launch', 'video');
    const sent: Card[] = [];
    const runner = new DigestRunner({ store: o.store.digest, catalog: shippedCatalog(), sender: { send: async (_s, card) => (sent.push(card), { kind: 'sent' }) }, log: silentLogger(), graceHours: 6, corrections: o.store.corrections });
    await runner.runDue(new Date('2026-12-07T09:00:00Z'));
    expect(sent).toHaveLength(1);
    expect(actionsOf(cardToAdaptiveCard(sent[0]!)).map((a) => [a.verb, a.data.id])).toEqual([['correction_accept', correction.id], ['correction_reject', correction.id]]);
  });

  it('says nothing of corrections when none waits', async () => {
    const o = openService();
    opened.push(o);
    const sub = await o.store.digest.upsertSubscription({ platform: 'teams', workspace: 'tenant', channel: '19:c', schedule: '0 9 * * 1', timeZone: 'UTC' }, new Date('2026-11-01T00:00:00Z'));
    const card = digestCard(await composeDigest({ store: o.store.digest, catalog: shippedCatalog(), sub, periodAt: new Date(), pending: [] }));
    expect(JSON.stringify(card)).not.toMatch(/correction/i);
  });
});
