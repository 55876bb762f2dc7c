// The single check of a raw request, shared by every surface.
import { MAX_REQUEST_CHARS, messages } from './errors.js';

export type RequestCheck = { ok: true; text: string } | { ok: false; message: string };

// Control characters other than tab/newline are dropped rather than refused: chat clients paste them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Invisible characters that change how text reads or matches without showing: bidirectional
// embeddings, overrides and isolates (which can make a quoted request read backwards), zero-width
// spaces and joiners, soft hyphens and byte-order marks ("make\u200b a\u200c jin\u200dgle" is "make a jingle").
const INVISIBLE_TEST = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE = /[\u00ad\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// A zero-width joiner also glues emoji into one picture (👩‍💻): kept only between two non-letters.
const JOINER_IN_WORDS = /(?<=[\p{L}\p{N}])\u200d|\u200d(?=[\p{L}\p{N}])/gu;

export function checkRequest(raw: unknown): RequestCheck {
  if (typeof raw !== 'string') return { ok: false, message: messages.requestNotText };
  if (raw.length > MAX_REQUEST_CHARS) return { ok: false, message: messages.requestTooLong };
  let text = raw.replace(CONTROL, ' ');
  if (INVISIBLE_TEST.test(text)) text = text.replace(INVISIBLE, '').replace(JOINER_IN_WORDS, '');
  text = text.trim();
  if (!text) return { ok: false, message: messages.requestEmpty };
  return { ok: true, text };
}
