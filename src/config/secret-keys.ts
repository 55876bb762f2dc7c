// The keys that encrypt secrets at rest (Slack installation tokens). Given as 32 random bytes,
// base64 or hex (`openssl rand -base64 32`). The previous key is only read, during a rotation:
// rows it sealed are opened with it and sealed again with the current key.
import { ErrorCode, WhichToolError } from '../core/errors.js';

export interface SecretKeys {
  readonly current?: Buffer;
  readonly previous?: Buffer;
}

const KEY_BYTES = 32;

function decodeKey(name: string, text: string): Buffer {
  const hex = /^[0-9a-fA-F]{64}$/.test(text);
  const key = Buffer.from(text, hex ? 'hex' : 'base64');
  // Buffer.from ignores characters outside the alphabet; a round trip catches a mangled key.
  const canonical = hex || key.toString('base64').replace(/=+$/, '') === text.replace(/=+$/, '');
  if (key.length !== KEY_BYTES || !canonical)
    throw new WhichToolError(ErrorCode.ConfigInvalid, `configuration: ${name} must be ${KEY_BYTES} random bytes, base64 or hex (e.g. openssl rand -base64 32)`);
  return key;
}

export function readSecretKeys(current: string | undefined, previous: string | undefined): SecretKeys {
  if (previous && !current)
    throw new WhichToolError(ErrorCode.ConfigInvalid, 'configuration: WHICH_TOOL_SECRET_KEY is required when WHICH_TOOL_SECRET_KEY_PREVIOUS is set (the new key encrypts, the previous one is only read)');
  return {
    ...(current ? { current: decodeKey('WHICH_TOOL_SECRET_KEY', current) } : {}),
    ...(previous ? { previous: decodeKey('WHICH_TOOL_SECRET_KEY_PREVIOUS', previous) } : {}),
  };
}
