// Replies to the Bot Connector over its REST API with plain fetch. botframework-connector's
// ConnectorClient runs every call through the Azure REST pipeline (operation specs, serializer
// mappers, policy chain, header objects): about a sixth of the CPU per mention when profiled. The
// three calls a bot makes are small and fixed, so they are written out here, as the REST API
// reference defines them (v3/conversations/{conversationId}/activities[/{activityId}]).
import type { Activity, ResourceResponse } from 'botbuilder';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { ServiceUrlPolicy } from './service-url.js';

/** A connector that has not answered by then is not going to: the turn fails instead of hanging. */
export const CONNECTOR_TIMEOUT_MS = 5_000;

// node:http with kept-alive sockets rather than fetch: undici's fetch spends more CPU per call
// (WHATWG streams and headers) than the whole saving when measured.
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/** Anything that can sign a request: the ServiceClientCredentials of the turn's ConnectorClient. */
export interface RequestSigner {
  signRequest(request: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

/** The connector refused a call; statusCode as the SDK's RestError has it, so handlers can branch. */
export class ConnectorRestError extends Error {
  readonly code = 'connector_refused';
  constructor(
    readonly statusCode: number,
    readonly method: string,
    readonly path: string,
    readonly body: string,
  ) {
    super(`Bot Connector answered ${statusCode} to ${method} ${path}`);
    this.name = 'ConnectorRestError';
  }
}

/** The service URL is not one this server sends to (policy in service-url.ts): nothing was sent. */
export class ServiceUrlRefusedError extends WhichToolError {
  constructor(reason: string) {
    super(ErrorCode.ServiceUrlRefused, `reply not sent: ${reason}`);
    this.name = 'ServiceUrlRefusedError';
  }
}

export class ConnectorTimeoutError extends WhichToolError {
  constructor() {
    super(ErrorCode.ConnectorTimeout, `the Bot Connector did not answer within ${CONNECTOR_TIMEOUT_MS / 1000} s`);
    this.name = 'ConnectorTimeoutError';
  }
}

/** Sending anything more to this connector now would fail the same way. */
export const connectorUnreachable = (err: unknown): boolean => err instanceof ConnectorTimeoutError || err instanceof ServiceUrlRefusedError;

export class ConnectorRest {
  constructor(
    private readonly serviceUrl: string,
    private readonly signer: RequestSigner | undefined,
    private readonly policy: ServiceUrlPolicy,
  ) {}

  /** POST a reply to one activity, or a new activity in the conversation when replyToId is absent. */
  send(conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse | undefined> {
    const path = activity.replyToId ? `/activities/${encodeURIComponent(activity.replyToId)}` : '/activities';
    return this.call('POST', conversationId, path, activity);
  }

  /** GET one member of the conversation (TeamsChannelAccount: userRole, tenantId, …). */
  member(conversationId: string, memberId: string): Promise<Record<string, unknown> | undefined> {
    return this.call('GET', conversationId, `/members/${encodeURIComponent(memberId)}`) as Promise<Record<string, unknown> | undefined>;
  }

  /** PUT a new version of an activity already sent. */
  update(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<ResourceResponse | undefined> {
    return this.call('PUT', conversationId, `/activities/${encodeURIComponent(activityId)}`, activity);
  }

  private async call(method: string, conversationId: string, tail: string, activity?: Partial<Activity>): Promise<ResourceResponse | undefined> {
    const path = `/v3/conversations/${encodeURIComponent(conversationId)}${tail}`;
    const destination = this.policy.check(this.serviceUrl);
    if (!destination.ok) throw new ServiceUrlRefusedError(destination.reason);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: '*/*' };
    // The bot's token goes to the Bot Framework's own hosts only (in local mode there is none).
    if (destination.token) await this.signer?.signRequest({ headers: { set: (name, value) => void (headers[name.toLowerCase()] = value) } });
    const { status, text } = await send(new URL(this.serviceUrl.replace(/\/+$/, '') + path), method, headers, activity === undefined ? '' : JSON.stringify(activity));
    if (status < 200 || status > 299) throw new ConnectorRestError(status, method, path, text.slice(0, 500));
    return method === 'GET' ? (parseJson(text) as ResourceResponse | undefined) : parseResource(text);
  }
}

function send(url: URL, method: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage): void => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    };
    const options = { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: https ? httpsAgent : httpAgent };
    const req = https ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse);
    req.setTimeout(CONNECTOR_TIMEOUT_MS, () => req.destroy(new ConnectorTimeoutError()));
    req.on('error', reject);
    req.end(body);
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The connector answers a ResourceResponse ({ id }); some channels answer an empty body. */
function parseResource(text: string): ResourceResponse | undefined {
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as { id?: unknown };
    return typeof body.id === 'string' ? { id: body.id } : undefined;
  } catch {
    // Not JSON: the call succeeded but named no id, as an empty body does.
    return undefined;
  }
}
