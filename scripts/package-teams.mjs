// Builds the Teams app package to sideload: manifest.json with its placeholders filled from the
// environment, checked against the schema bundled in @microsoft/app-manifest (offline), plus
// the two icons, zipped flat into build/which-tool-teams.zip.
//   MICROSOFT_APP_ID=<bot app id> npm run package:teams
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import yazl from 'yazl';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const MANIFEST_DIR = join(root, 'manifests', 'teams');
export const PACKAGE_PATH = join(root, 'build', 'which-tool-teams.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Placeholder values: the bot's app id is required; the rest have neutral defaults. */
export function placeholderValues(env) {
  const appId = env.MICROSOFT_APP_ID?.trim();
  if (!appId) throw new Error('MICROSOFT_APP_ID is required: the app id of your Azure Bot registration (see README, Teams)');
  if (!GUID.test(appId)) throw new Error('MICROSOFT_APP_ID must be a GUID');
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  if (!GUID.test(teamsAppId)) throw new Error('TEAMS_APP_ID must be a GUID');
  return {
    TEAMS_APP_ID: teamsAppId,
    MICROSOFT_APP_ID: appId,
    DEVELOPER_NAME: env.DEVELOPER_NAME?.trim() || 'Which Tool',
    DEVELOPER_WEBSITE_URL: env.DEVELOPER_WEBSITE_URL?.trim() || 'https://example.com/which-tool',
    DEVELOPER_PRIVACY_URL: env.DEVELOPER_PRIVACY_URL?.trim() || 'https://example.com/which-tool/privacy',
    DEVELOPER_TERMS_URL: env.DEVELOPER_TERMS_URL?.trim() || 'https://example.com/which-tool/terms',
  };
}

/** Fills ${{NAME}} placeholders; a placeholder without a value is an error, not an empty string. */
export function renderManifest(template, values) {
  const text = template.replace(/\$\{\{\s*([A-Z_]+)\s*\}\}/g, (_m, name) => {
    if (!(name in values)) throw new Error(`manifest placeholder ${name} has no value`);
    return JSON.stringify(values[name]).slice(1, -1);
  });
  return JSON.parse(text);
}

/** Schema problems for a rendered manifest, from the schema bundled with @microsoft/app-manifest. */
export async function manifestProblems(manifest) {
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const version = /\/teams\/(v[\d.]+|vDevPreview)\//.exec(manifest.$schema ?? '')?.[1];
  if (!version) return ['$schema does not name a Teams manifest schema version'];
  const schemaPath = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

export async function buildPackage(env, out = PACKAGE_PATH) {
  const manifest = renderManifest(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8'), placeholderValues(env));
  const problems = await manifestProblems(manifest);
  if (problems.length) throw new Error(`manifest.json does not match its schema: ${problems.join('; ')}`);
  mkdirSync(dirname(out), { recursive: true });
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addFile(join(MANIFEST_DIR, manifest.icons.color), manifest.icons.color);
  zip.addFile(join(MANIFEST_DIR, manifest.icons.outline), manifest.icons.outline);
  zip.end();
  await new Promise((ok, fail) => zip.outputStream.pipe(createWriteStream(out)).on('close', ok).on('error', fail));
  return { out, manifest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildPackage(process.env).then(
    ({ out }) => process.stdout.write(`Teams app package: ${out}\n`),
    (err) => {
      process.stderr.write(`package-teams: ${err.message}\n`);
      process.exit(1);
    },
  );
}
