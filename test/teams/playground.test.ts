// End to end with a real client: Microsoft's Agents Playground (offline, msteams channel) talks
// to our server; headless Debian Chromium drives its UI through playwright-core. A request typed
// in Personal Chat must come back as a rendered Adaptive Card, and a pressed action must update
// that card in place. Screenshots go to var/ for a person to look at.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { Recommender } from '../../src/core/recommend.js';
import { silentLogger } from '../../src/log/logger.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { freePort } from '../helpers/free-port.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(process.cwd(), 'var');


/** Starts the Playground and resolves once it listens; it exits silently without TEAMSAPPTESTER_BROWSER=none. */
function startPlayground(endpoint: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(join(process.cwd(), 'node_modules', '.bin', 'agentsplayground'), ['-e', endpoint, '-c', 'msteams', '-p', String(port), '--dt'], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Playground did not start: ${out.slice(-500)}`)), 30_000);
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}/` });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`Playground exited (${code}): ${out.slice(-500)}`)));
  });
}

describe('Agents Playground, end to end', () => {
  let server: RunningServer;
  let playground: ChildProcess | undefined;
  let browser: BrowserContext | undefined;
  let profile: string;
  let dbDir: string;
  let uiUrl: string;
  const recommender = new Recommender(loadCatalog());

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'which-tool-chromium-'));
    // The real store (SQLite) in a fresh file: a fresh install, so the welcome card is sent.
    dbDir = mkdtempSync(join(tmpdir(), 'which-tool-teams-db-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', WHICH_TOOL_DB: join(dbDir, 'which-tool.db'), WHICH_TOOL_SCHEDULER: 'off' });
    server = await startServer({ config, catalog: loadCatalog(), log: silentLogger() });
    const started = await startPlayground(`${server.url}/api/messages`, await freePort());
    playground = started.child;
    uiUrl = started.url;
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1100 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (playground && playground.exitCode === null) {
      const exited = new Promise((r) => playground!.once('exit', r));
      playground.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  it('shows the welcome, answers a typed request with a card, and updates it in place on "Compare"', async () => {
    const page = browser!.pages()[0] ?? (await browser!.newPage());
    await page.goto(uiUrl, { waitUntil: 'domcontentloaded' });
    await page.getByText('Personal Chat').first().click();
    // Installation greets once with the welcome card.
    await page.getByText('Try one of these').first().waitFor({ timeout: 20_000 });

    const request = 'I need 300 product shots a month for the shop';
    const expected = recommender.ask(request).recommendations[0]!;
    await page.getByRole('textbox').first().click();
    await page.keyboard.type(request);
    await page.keyboard.press('Enter');

    const answer = page.locator('.ac-adaptiveCard', { hasText: expected.verdict }).last();
    await answer.waitFor({ timeout: 20_000 });
    for (const label of ['Tools:', 'Cost:', 'Turnaround:', 'Expertise:', 'Main limitation:', 'Why:']) await expect(answer.getByText(label).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'teams-playground-answer.png') });
    const cardsBefore = await page.locator('.ac-adaptiveCard').count();

    await answer.getByRole('button', { name: 'Compare' }).click();
    const compared = page.locator('.ac-adaptiveCard', { hasText: `vs ${expected.label}` });
    await compared.waitFor({ timeout: 20_000 });
    await expect(compared.locator('table, [role="table"], .ac-table').count()).resolves.toBeGreaterThan(0);
    // Updated in place: the answer card became the comparison, no new message was added.
    expect(await page.locator('.ac-adaptiveCard').count()).toBe(cardsBefore);
    expect(await page.locator('.ac-adaptiveCard', { hasText: 'Main limitation:' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'teams-playground-compare.png') });
  }, 90_000);
});
