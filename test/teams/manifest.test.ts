// The Teams app package: the manifest validated offline against the schema bundled in
// @microsoft/app-manifest, the icons' sizes and transparency, and the sideload zip.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../src/teams/search.js';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { buildPackage, manifestProblems, MANIFEST_DIR, placeholderValues, renderManifest } from '../../scripts/package-teams.mjs';

const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
const env = { MICROSOFT_APP_ID: '6f1c0c59-3b8e-4c9a-9a43-2f7f8f0e1a11' };

/** Width, height and RGBA pixels of a non-interlaced 8-bit RGBA PNG with filter-0 rows. */
function readPng(path: string) {
  const buf = readFileSync(path);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  expect([buf[24], buf[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let o = 8; o < buf.length; ) {
    const len = buf.readUInt32BE(o);
    if (buf.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += len + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)];
  return { width, height, pixel };
}

describe('Teams app manifest and package', () => {
  it('is a 1.17+ manifest with placeholders for the app ids', () => {
    const raw = JSON.parse(template);
    expect(Number(raw.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(raw.id).toBe('${{TEAMS_APP_ID}}');
    expect(raw.bots[0].botId).toBe('${{MICROSOFT_APP_ID}}');
    expect(raw.composeExtensions[0].botId).toBe('${{MICROSOFT_APP_ID}}');
  });

  it('declares the bot in team, groupChat and personal scopes with help, digest and examples', () => {
    const m = renderManifest(template, placeholderValues(env));
    expect(m.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(m.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title).sort()).toEqual(['digest', 'examples', 'help', 'policy']);
    const command = m.composeExtensions[0].commands[0];
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query', title: 'Find an AI tool' });
    expect(command.parameters[0].name).toBe(SEARCH_PARAMETER);
  });

  it('validates against the bundled schema with no problems; a broken one is caught', async () => {
    const m = renderManifest(template, placeholderValues(env));
    expect(await manifestProblems(m)).toEqual([]);
    const broken = { ...m, bots: [{ ...m.bots[0], scopes: ['everywhere'] }], id: 'not-a-guid' };
    expect((await manifestProblems(broken)).length).toBeGreaterThan(0);
  });

  it('refuses to fill placeholders without a GUID app id', () => {
    expect(() => placeholderValues({})).toThrow(/MICROSOFT_APP_ID is required/);
    expect(() => placeholderValues({ MICROSOFT_APP_ID: 'abc' })).toThrow(/GUID/);
    expect(() => renderManifest('{"id":"${{NOPE}}"}', {})).toThrow(/NOPE/);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline', () => {
    const color = readPng(join(MANIFEST_DIR, 'color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixel(0, 0)[3]).toBe(255);
    const outline = readPng(join(MANIFEST_DIR, 'outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let clear = 0;
    let white = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        if (a === 0) clear++;
        else if (r === 255 && g === 255 && b === 255) white++;
        else throw new Error(`outline pixel ${x},${y} is not white or transparent`);
      }
    expect(clear).toBeGreaterThan(500);
    expect(white).toBeGreaterThan(50);
  });

  it('builds the sideload zip with the manifest and both icons at its root', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'app.zip');
    const { manifest } = await buildPackage(env, out);
    expect(manifest.id).toBe(env.MICROSOFT_APP_ID);
    const zip = readFileSync(out);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    for (const name of ['manifest.json', 'color.png', 'outline.png']) expect(zip.includes(Buffer.from(name))).toBe(true);
  });
});
