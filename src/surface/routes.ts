// What a surface (Slack, Teams, metrics) plugs into the one HTTP server.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `body` is the whole request body, read by the server within its limits (empty for GET). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

/** Why a request is turned away, and with which status; `reason` labels the refusal counter. */
export interface Refusal {
  readonly status: number;
  readonly reason: string;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handler: RouteHandler;
  /**
   * Looks at the headers before any of the body is read: a request that cannot be authentic
   * (no signature, a stale timestamp, a stranger in local mode) costs no body buffer at all.
   */
  readonly admit?: (req: IncomingMessage) => Refusal | undefined;
}

export interface Mountable {
  readonly name: string;
  readonly routes: readonly Route[];
  /** Background connections (Socket Mode), started after the server listens. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * Largest request body accepted before authentication, on any route. Slack's and the Bot
 * Framework's payloads are a few KB (a button press on a full App Home view stays under 30 KB);
 * anything near this is not from them.
 */
export const MAX_BODY_BYTES = 64 * 1024;
