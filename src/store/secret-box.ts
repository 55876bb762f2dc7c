// Seals secrets before they reach the database, with AES-256-GCM from node:crypto. A sealed
// value names the key that sealed it (a short hash, not the key), so a rotation can tell which
// rows still need the previous key, and a wrong key is reported as such instead of as garbage.
// The row's identity is bound in as associated data: a sealed token copied into another
// row does not open there. Without a key, values are stored as given and read back as given.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretKeys } from '../config/secret-keys.js';
import { ErrorCode, WhichToolError } from '../core/errors.js';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;

const keyId = (key: Buffer): string => createHash('sha256').update('which-tool secret key id\0').update(key).digest('hex').slice(0, 12);

export class SecretBox {
  private readonly byId = new Map<string, Buffer>();
  private readonly currentId: string | undefined;

  constructor(keys: SecretKeys) {
    if (keys.current) {
      this.currentId = keyId(keys.current);
      this.byId.set(this.currentId, keys.current);
    }
    if (keys.previous) this.byId.set(keyId(keys.previous), keys.previous);
  }

  get encrypts(): boolean {
    return this.currentId !== undefined;
  }

  /** `context` names the row and field, e.g. "slack installation T0123 bot token". */
  seal(plain: string, context: string): string {
    if (!this.currentId) return plain;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.byId.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(context));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.currentId}:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${sealed.toString('base64url')}`;
  }

  open(stored: string, context: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const [id, iv, tag, sealed] = stored.slice(PREFIX.length).split(':');
    const key = id === undefined ? undefined : this.byId.get(id);
    if (!key) {
      const why = this.currentId
        ? 'it was encrypted with another key: set WHICH_TOOL_SECRET_KEY_PREVIOUS to that key'
        : 'it is encrypted and WHICH_TOOL_SECRET_KEY is not set';
      throw new WhichToolError(ErrorCode.SecretUnreadable, `cannot read the ${context}: ${why}`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed ?? '', 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // GCM refuses a changed value, a value moved from another row, or a truncated one alike.
      throw new WhichToolError(ErrorCode.SecretUnreadable, `cannot read the ${context}: the stored value was altered or belongs to another record`);
    }
  }

  /** Whether a stored value should be sealed again: plain while a key is set, or sealed with an older key. */
  isStale(stored: string): boolean {
    if (!this.currentId) return false;
    return !stored.startsWith(`${PREFIX}${this.currentId}:`);
  }
}
