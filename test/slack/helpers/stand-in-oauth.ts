// Slack's side of the install flow, for the stand-in: the code a person gets after pressing
// "Allow", oauth.v2.access (code exchange and grant_type=refresh_token), and auth.test for
// the tokens it issued. Like Slack, a code and a refresh token work once.
import { randomBytes } from 'node:crypto';
import type { RecordedCall } from './stand-in.js';

export interface StandInWorkspace {
  /** Absent for an org-wide install (it covers the organisation). */
  readonly teamId?: string;
  readonly teamName?: string;
  readonly enterpriseId?: string;
  readonly enterpriseName?: string;
  readonly orgWide?: boolean;
  readonly botUserId: string;
  readonly botId: string;
  /** Token rotation: the bot token lives this many seconds and comes with a refresh token. */
  readonly expiresIn?: number;
  /** Lifetime of tokens handed out by a refresh; default Slack's 12 hours. */
  readonly refreshedExpiresIn?: number;
  readonly installer?: string;
}

export const OAUTH_CLIENT = { id: '1111111111.2222222222', secret: 'oauth-client-secret-5d1e8a77c2b94f03' } as const;
export const APP_ID = 'A0WHICHTOOL';
export const BOT_SCOPE = 'app_mentions:read,chat:write,commands,im:history,users:read,usergroups:read';

interface Issued {
  readonly ws: StandInWorkspace;
  live: boolean;
}

const keyOf = (ws: StandInWorkspace): string => (ws.orgWide ? `E:${ws.enterpriseId}` : `T:${ws.teamId}`);
const random = (): string => randomBytes(9).toString('hex');

export class StandInOAuth {
  private readonly codes = new Map<string, StandInWorkspace>();
  private readonly accessTokens = new Map<string, Issued>();
  private readonly refreshTokens = new Map<string, Issued>();
  /** The newest bot token per installation key ("T:…" or "E:…"). */
  private readonly current = new Map<string, string>();
  /** Every code and token handed out, for scanning logs and files. */
  readonly handedOut: string[] = [];

  /** What Slack does when a person presses "Allow": a one-time code for the redirect. */
  grant(ws: StandInWorkspace): string {
    const code = `${Date.now()}.${random()}`;
    this.codes.set(code, ws);
    this.handedOut.push(code);
    return code;
  }

  /** The bot token Slack would accept now for this workspace or organisation. */
  tokenOf(ws: StandInWorkspace): string | undefined {
    return this.current.get(keyOf(ws));
  }

  /** What uninstalling does on Slack's side: every token of the installation stops working. */
  revoke(ws: StandInWorkspace): void {
    for (const issued of [...this.accessTokens.values(), ...this.refreshTokens.values()]) if (keyOf(issued.ws) === keyOf(ws)) issued.live = false;
    this.current.delete(keyOf(ws));
  }

  access(call: RecordedCall): Record<string, unknown> {
    const b = call.body as Record<string, string | undefined>;
    if (b.client_id !== OAUTH_CLIENT.id) return { ok: false, error: 'invalid_client_id' };
    if (b.client_secret !== OAUTH_CLIENT.secret) return { ok: false, error: 'bad_client_secret' };
    if (b.grant_type === 'refresh_token') {
      const issued = b.refresh_token ? this.refreshTokens.get(b.refresh_token) : undefined;
      if (!issued?.live) return { ok: false, error: 'invalid_refresh_token' };
      issued.live = false;
      return { ...this.tokens(issued.ws, issued.ws.refreshedExpiresIn ?? 43_200), token_type: 'bot' };
    }
    const ws = b.code ? this.codes.get(b.code) : undefined;
    if (!ws) return { ok: false, error: 'invalid_code' };
    this.codes.delete(b.code!);
    return {
      ...this.tokens(ws, ws.expiresIn),
      token_type: 'bot',
      authed_user: { id: ws.installer ?? 'U0INSTALLER' },
    };
  }

  /** auth.test for a token this stand-in issued; undefined for any other token. */
  authTest(call: RecordedCall): Record<string, unknown> | undefined {
    const token = call.authorization?.replace(/^Bearer /, '') ?? (call.body.token as string | undefined);
    const issued = token ? this.accessTokens.get(token) : undefined;
    if (!issued) return undefined;
    if (!issued.live) return { ok: false, error: 'invalid_auth' };
    const ws = issued.ws;
    return {
      ok: true,
      url: `https://${(ws.orgWide ? ws.enterpriseId : ws.teamId)!.toLowerCase()}.enterprise.slack.com/`,
      team_id: ws.teamId ?? ws.enterpriseId,
      user_id: ws.botUserId,
      bot_id: ws.botId,
      ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}),
      is_enterprise_install: Boolean(ws.orgWide),
    };
  }

  private tokens(ws: StandInWorkspace, expiresIn: number | undefined): Record<string, unknown> {
    const rotating = expiresIn !== undefined;
    const access = `${rotating ? 'xoxe.' : ''}xoxb-${(ws.teamId ?? ws.enterpriseId)!}-${random()}`;
    this.accessTokens.set(access, { ws, live: true });
    this.current.set(keyOf(ws), access);
    this.handedOut.push(access);
    const refresh = rotating ? `xoxe-1-${random()}${random()}` : undefined;
    if (refresh) {
      this.refreshTokens.set(refresh, { ws, live: true });
      this.handedOut.push(refresh);
    }
    return {
      ok: true,
      app_id: APP_ID,
      scope: BOT_SCOPE,
      access_token: access,
      bot_user_id: ws.botUserId,
      team: ws.orgWide ? null : { id: ws.teamId, name: ws.teamName ?? ws.teamId },
      enterprise: ws.enterpriseId ? { id: ws.enterpriseId, name: ws.enterpriseName ?? ws.enterpriseId } : null,
      is_enterprise_install: Boolean(ws.orgWide),
      ...(rotating ? { refresh_token: refresh, expires_in: expiresIn } : {}),
    };
  }
}
