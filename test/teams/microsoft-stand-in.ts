// A stand-in for Microsoft's side of Bot Framework authentication, on 127.0.0.1: the OpenID
// metadata and signing keys the bot checks incoming tokens against (MICROSOFT_OPENID_METADATA_URL),
// and the identity platform's token endpoint the bot gets its own token from (MICROSOFT_LOGIN_URL).
// It mints real RS256 tokens with its key, so a test can send properly authenticated activities,
// and it records every token the bot asked for.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export class MicrosoftStandIn {
  /** Tokens handed to the bot, in order. */
  readonly issued: string[] = [];
  /** Requests to the token endpoint (form fields). */
  readonly tokenRequests: Record<string, string>[] = [];
  private readonly privateKey: KeyObject;
  private readonly jwk: Record<string, unknown>;
  private server?: Server;
  url = '';

  constructor(readonly kid = 'stand-in-key-1') {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, use: 'sig', endorsements: ['msteams'] };
  }

  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  get loginUrl(): string {
    return `${this.url}/login/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (req.url === '/v1/.well-known/openidconfiguration') return json(200, { issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
        if (req.url === '/v1/keys') return json(200, { keys: [this.jwk] });
        if (req.method === 'POST' && /^\/login\/[^/]+\/oauth2\/v2\.0\/token$/.test(req.url ?? '')) {
          this.tokenRequests.push(Object.fromEntries(new URLSearchParams(raw)));
          const token = `bot-token-from-stand-in-${this.issued.length + 1}`;
          this.issued.push(token);
          return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: token });
        }
        json(404, { error: 'not found' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A Bot Framework channel token as the Teams channel signs it, for `appId` and `serviceUrl`. */
  channelToken(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url({ alg: 'RS256', typ: 'JWT', kid: this.kid });
    const payload = b64url({ iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600, ...overrides });
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(this.privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
