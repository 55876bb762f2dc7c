// The single check of a raw request, shared by every surface.
import { MAX_REQUEST_CHARS, messages } from './errors.js';

export type RequestCheck = { ok: true; text: string } | { ok: false; message: string };

// Control characters other than tab/newline are dropped rather than refused: chat clients paste them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function checkRequest(raw: unknown): RequestCheck {
  if (typeof raw !== 'string') return { ok: false, message: messages.requestNotText };
  if (raw.length > MAX_REQUEST_CHARS) return { ok: false, message: messages.requestTooLong };
  const text = raw.replace(CONTROL, ' ').trim();
  if (!text) return { ok: false, message: messages.requestEmpty };
  return { ok: true, text };
}
