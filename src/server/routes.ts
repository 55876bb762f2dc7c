// What a surface (Slack, Teams, metrics) plugs into the one HTTP server.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handler: RouteHandler;
}

export interface Mountable {
  readonly name: string;
  readonly routes: readonly Route[];
  /** Background connections (Socket Mode), started after the server listens. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Largest request body accepted on any route: Slack and Teams payloads are far smaller. */
export const MAX_BODY_BYTES = 512 * 1024;
