// Reads a Slack button's value (JSON text) with the payload schema both surfaces share.
import { readButtonPayload, type ButtonPayloadT } from '../render/button-payload.js';

export type ButtonPayload = ButtonPayloadT;

export function readPayload(value: unknown): ButtonPayload | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return readButtonPayload(JSON.parse(value));
  } catch {
    return undefined;
  }
}
