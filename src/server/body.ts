// Request bodies, read by the server before a surface sees them, within two limits: one body
// (MAX_BODY_BYTES, by the declared length) and all bodies being read at once (a budget). Slow
// senders holding many half-sent bodies then cost a bounded amount of memory, and the rest get
// 503 at once instead of a buffer each.
import type { IncomingMessage } from 'node:http';

export const EMPTY_BODY = Buffer.alloc(0);

export class BodyBudget {
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  /** Books `bytes` for a body about to be read; false when that would pass the budget. */
  reserve(bytes: number): boolean {
    if (this.used + bytes > this.maxBytes) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used -= bytes;
  }
}

/** The whole body, or null when the client went away before sending it all. */
export function readBody(req: IncomingMessage, declared: number): Promise<Buffer | null> {
  if (declared === 0) {
    req.resume();
    return Promise.resolve(EMPTY_BODY);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    // node:http stops a body at its declared length; 'end' before it means a truncated request.
    req.on('end', () => resolve(size === declared ? (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)) : null));
    req.on('close', () => resolve(null));
  });
}
