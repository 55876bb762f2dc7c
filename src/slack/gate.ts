// What a request to /slack/events must pass before Bolt sees it. Bolt checks signatures too, but
// it reads the body before looking at the headers, accepts timestamps from the future, has no
// replay memory and crashes on a body that parses to null; so the check is done here, once, and
// Bolt's own is switched off (surface.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Refusal } from '../surface/routes.js';
import { bodyShapeProblem, isSslCheck } from './body-shape.js';
import { ReplayCache } from './replay-cache.js';

/** An unsigned ssl_check is a few dozen bytes; no other unsigned body is read at all. */
const SSL_CHECK_MAX_BYTES = 1024;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

export type GateVerdict = 'pass' | 'ssl_check' | Refusal;

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

export class SlackGate {
  constructor(
    private readonly signingSecret: string,
    private readonly replays = new ReplayCache(),
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Headers only: a request without a signature, or signed outside the window, is refused unread. */
  admit(req: IncomingMessage): Refusal | undefined {
    const signature = header(req, 'x-slack-signature');
    const timestamp = header(req, 'x-slack-request-timestamp');
    if (signature === undefined || timestamp === undefined) {
      const small = Number(req.headers['content-length']) <= SSL_CHECK_MAX_BYTES;
      return small && req.headers['content-type'] === 'application/x-www-form-urlencoded' ? undefined : { status: 401, reason: 'unsigned' };
    }
    if (!/^\d{1,12}$/.test(timestamp) || !this.replays.inWindow(Number(timestamp), Math.floor(this.nowMs() / 1000))) return { status: 401, reason: 'stale' };
    return undefined;
  }

  /** The body: the signature, a replay, and a shape Bolt can handle. */
  check(req: IncomingMessage, body: Buffer): GateVerdict {
    const signature = header(req, 'x-slack-signature');
    const timestamp = header(req, 'x-slack-request-timestamp');
    const contentType = req.headers['content-type'];
    if (signature === undefined || timestamp === undefined) return isSslCheck(contentType, body.toString('latin1')) ? 'ssl_check' : { status: 401, reason: 'unsigned' };
    if (!SIGNATURE.test(signature)) return { status: 401, reason: 'bad_signature' };
    const expected = createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:`).update(body).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature.slice(3), 'hex'))) return { status: 401, reason: 'bad_signature' };
    if (!this.replays.firstTime(Number(timestamp), signature, Math.floor(this.nowMs() / 1000))) return { status: 401, reason: 'replayed' };
    // latin1: the checks look at ASCII only, and this decoding cannot fail or allocate twice.
    if (bodyShapeProblem(contentType, body.toString('latin1'))) return { status: 400, reason: 'malformed' };
    return 'pass';
  }
}
