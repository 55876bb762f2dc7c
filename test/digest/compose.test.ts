// The composer on a real SQLite file: what the digest says for a busy week, a quiet week, and
// after the catalog changed; rendered by the same renderers as answers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { snapshotOf } from '../../src/digest/catalog-changes.js';
import { composeDigest } from '../../src/digest/compose.js';
import { silentLogger } from '../../src/log/logger.js';
import { cardToAdaptiveCard } from '../../src/render/adaptive-card.js';
import { cardToBlockKit } from '../../src/render/block-kit.js';
import { activityLine, digestCard } from '../../src/render/digest-card.js';
import { toolTip } from '../../src/digest/tips.js';
import { cardToText } from '../../src/render/text.js';
import { openSqliteStore, type OpenStore } from '../../src/store/sqlite.js';
import type { RequestLogEntry } from '../../src/store/types.js';
import { copyOfData, shippedCatalog } from '../helpers/catalog.js';
import { tempDbPath } from './stand-ins.js';

const stores: OpenStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const open = (logRequestText = true): OpenStore => {
  const s = openSqliteStore({ path: tempDbPath(), logRequestText, retentionDays: 90, log: silentLogger() });
  stores.push(s);
  return s;
};

const PERIOD = new Date('2026-12-07T08:00:00Z'); // Monday 09:00 Berlin
const IN_WEEK = new Date('2026-12-03T10:00:00Z');
const LAST_WEEK = new Date('2026-11-26T10:00:00Z');
const entry = (over: Partial<RequestLogEntry>): RequestLogEntry => ({
  at: IN_WEEK, surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', industry: 'retail', confidence: 0.9,
  volume: null, matched: true, useCase: null, text: 'a request', ...over,
});

async function subscribe(store: OpenStore) {
  return (await store.digest.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z')));
}

describe('digest composer', () => {
  it('counts by category and industry with the change, estimates spend, lists use cases and what needs attention', async () => {
    const store = open();
    const sub = await subscribe(store);
    const log = (e: Partial<RequestLogEntry>): void => store.surface.logRequest(entry(e));
    log({ volume: { count: 300, unit: 'image', period: 'month' }, useCase: 'product-photos' });
    log({ volume: { count: 100, unit: 'image', period: 'week' } });
    log({ category: 'llm', industry: 'finance', useCase: 'summarize' });
    log({ category: 'llm', industry: null, useCase: 'summarize' });
    log({ category: null, industry: null, matched: false, confidence: 0, text: 'book me a meeting room' });
    log({ category: 'video', confidence: 0.2, text: 'something vague about clips' });
    log({ channel: 'C2', category: 'audio' }); // another channel: not counted
    log({ at: LAST_WEEK, category: 'image' });
    log({ at: LAST_WEEK, category: 'llm' });
    log({ at: LAST_WEEK, category: 'llm' });
    log({ at: LAST_WEEK, category: 'llm' });
    store.surface.recordFeedback({ at: IN_WEEK, surface: 'teams', workspace: 'T1', channel: 'C1', category: 'image', helpful: true, catalogVersion: 'v' });
    store.surface.recordFeedback({ at: IN_WEEK, surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', helpful: false, catalogVersion: 'v' });
    store.surface.recordFeedback({ at: IN_WEEK, surface: 'slack', workspace: 'T1', channel: 'C1', category: 'image', helpful: true, catalogVersion: 'v' });

    const d = await composeDigest({ store: store.digest, catalog: shippedCatalog(), sub, periodAt: PERIOD });
    expect(d.periodWord).toBe('week');
    expect(d.total).toBe(6);
    expect(d.previousTotal).toBe(4);
    expect(d.byCategory).toEqual([
      { name: 'Image generator', count: 2, change: 1 },
      { name: 'Language model', count: 2, change: -1 },
      { name: 'Video generator', count: 1, change: 1 },
    ]);
    expect(d.byIndustry[0]).toEqual({ name: expect.stringMatching(/retail/i), count: 3, change: -1 });
    // 300 images/month at $0.01–$0.50, plus 100/week (×365/12/7 weeks a month).
    const weeks = 365 / 12 / 7;
    expect(d.spend?.requests).toBe(2);
    expect(d.spend?.low).toBeCloseTo(3 + 100 * 0.01 * weeks, 6);
    expect(d.spend?.high).toBeCloseTo(150 + 100 * 0.5 * weeks, 6);
    expect(d.topUseCases[0]).toEqual({ title: expect.any(String), count: 2 });
    expect(d.attention).toEqual({ unanswered: 1, lowConfidence: 1, examples: ['book me a meeting room', 'something vague about clips'] });
    expect(d.feedback).toEqual({ up: 2, down: 1 });
    expect(d.catalogChanges).toBeNull();

    const text = cardToText(digestCard(d));
    expect(text).toContain('6 requests this week, 2 more than last week.');
    // The footer names the catalog the counts were made with, and Slack's own command.
    expect(text).toContain(`Catalog ${shippedCatalog().version}.`);
    expect(text).toContain('“/whichtool digest off”');
    // The seed's prices are from 2025-11-01: a year on, the owners are told to check them.
    expect(d.stalePrices).toMatch(/^\d+ prices older than 6 months$/);
    expect(text).toContain(`${d.stalePrices}: check them with “npx which-tool catalog check”`);
    expect(text).toMatch(/Likely spend: \$\d+(\.\d+)?–\$\d+ a month/);
    expect(text).toContain('For the catalog owners');
    expect(text).toContain('👍 2 · 👎 1');
    expect(text).toContain('Tool tip');
  });

  it('in Teams the footer uses the Teams syntax; no stale-price line while the prices are fresh', async () => {
    const store = open();
    const sub = await store.digest.upsertSubscription({ platform: 'teams', workspace: 'tenant', channel: '19:abc@thread.tacv2', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
    const d = await composeDigest({ store: store.digest, catalog: shippedCatalog(), sub, periodAt: PERIOD, staleAfter: { amount: 5, unit: 'year' } });
    const text = cardToText(digestCard(d));
    expect(text).toContain('“@Which Tool digest weekly monday 09:00”');
    expect(text).not.toContain('/whichtool');
    expect(d.stalePrices).toBeNull();
  });

  it('reads counts naturally for a day, a week and a longer period', () => {
    expect(activityLine(18, 0, 'day')).toBe('18 requests today, 18 more than yesterday.');
    expect(activityLine(1, 3, 'week')).toBe('1 request this week, 2 fewer than last week.');
    expect(activityLine(1200, 1200, 'period')).toBe('1,200 requests this period, as many as the period before.');
  });

  it('rotates the tool tip: consecutive digests of a channel show other kinds and tools', () => {
    const catalog = shippedCatalog();
    const tips = Array.from({ length: 2 * catalog.categories.size }, (_, n) => toolTip(catalog, n)!);
    expect(new Set(tips.slice(0, catalog.categories.size).map((t) => t.category)).size).toBe(catalog.categories.size);
    for (let n = 1; n < tips.length; n++) expect(tips[n]!.tool).not.toBe(tips[n - 1]!.tool);
    expect(new Set(tips.map((t) => t.tool)).size).toBe(tips.length);
  });

  it('gives a quiet period a short digest with a tip and a case study, never an empty message', async () => {
    const store = open();
    const sub = await subscribe(store);
    const card = digestCard((await composeDigest({ store: store.digest, catalog: shippedCatalog(), sub, periodAt: PERIOD })));
    const text = cardToText(card);
    expect(text).toContain('No one asked Which Tool here this week');
    expect(text).toMatch(/Tool tip: .+/);
    expect(text).toMatch(/Case study, /);
    expect(card.summary).toMatch(/quiet week/);
    const slack = cardToBlockKit(card);
    expect(slack.text.length).toBeGreaterThan(10);
    expect(slack.blocks.length).toBeGreaterThan(2);
    expect(cardToAdaptiveCard(card).body.length).toBeGreaterThan(2);
  });

  it('keeps request text out of the digest when text logging is off', async () => {
    const store = open(false);
    const sub = await subscribe(store);
    store.surface.logRequest(entry({ matched: false, category: null, text: 'secret project codename' }));
    const d = await composeDigest({ store: store.digest, catalog: shippedCatalog(), sub, periodAt: PERIOD });
    expect(d.attention).toEqual({ unanswered: 1, lowConfidence: 0, examples: [] });
    expect(cardToText(digestCard(d))).not.toContain('secret');
  });

  it('counts a Teams channel\'s requests made in its threads', async () => {
    const store = open();
    const sub = await store.digest.upsertSubscription({ platform: 'teams', workspace: 'tenant', channel: '19:abc@thread.tacv2', schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-01T00:00:00Z'));
    store.surface.logRequest(entry({ channel: '19:abc@thread.tacv2;messageid=1700000000001' }));
    store.surface.logRequest(entry({ channel: '19:abc@thread.tacv2;messageid=1700000000002' }));
    store.surface.logRequest(entry({ channel: '19:abc@thread.tacv2' }));
    store.surface.logRequest(entry({ channel: '19:abcd@thread.tacv2' }));
    store.surface.recordFeedback({ at: IN_WEEK, surface: 'teams', workspace: 'tenant', channel: '19:abc@thread.tacv2;messageid=1', category: null, helpful: true, catalogVersion: 'v' });
    const d = await composeDigest({ store: store.digest, catalog: shippedCatalog(), sub, periodAt: PERIOD });
    expect(d.total).toBe(3);
    expect(d.feedback).toEqual({ up: 1, down: 0 });
  });

  it('rotates the tip from one digest to the next', async () => {
    const store = open();
    const sub = await subscribe(store);
    const tips = new Set<string>();
    for (let week = 0; week < 4; week++) {
      const at = new Date(PERIOD.getTime() + week * 7 * 86_400_000);
      tips.add(JSON.stringify((await composeDigest({ store: store.digest, catalog: shippedCatalog(), sub, periodAt: at })).tip));
      await store.digest.skipDelivery(sub.id, at, 'test');
      store.db.prepare("UPDATE deliveries SET status = 'sent' WHERE period_at = ?").run(at.getTime());
    }
    expect(tips.size).toBe(4);
  });

  it('names the tools added and retired since the last digest', async () => {
    const store = open();
    const sub = await subscribe(store);
    const before = shippedCatalog();
    await store.digest.saveCatalogSnapshot(snapshotOf(before));
    await store.digest.skipDelivery(sub.id, new Date('2026-11-30T08:00:00Z'), 'test');
    await store.digest.finishDelivery(sub.id, new Date('2026-11-30T08:00:00Z'), 'sent', null, before.version);

    const dir = copyOfData();
    const file = join(dir, 'categories.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('Pika Labs', 'Pika 2'));
    const usesFile = join(dir, 'use-cases.json');
    writeFileSync(usesFile, readFileSync(usesFile, 'utf8').replaceAll('Pika Labs', 'Pika 2'));
    const after = loadCatalog(dir);
    expect(after.version).not.toBe(before.version);
    const d = await composeDigest({ store: store.digest, catalog: after, sub, periodAt: PERIOD });
    expect(d.catalogChanges).toMatchObject({ added: ['Pika 2'], removed: ['Pika Labs'], from: before.version, to: after.version });
    expect(cardToText(digestCard(d))).toContain('Catalog updated since the last digest: new tools: Pika 2; retired: Pika Labs');
  });
});
