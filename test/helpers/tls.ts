// A throwaway certificate for 127.0.0.1, so a stand-in can speak https on this machine. Server
// processes trust it through NODE_EXTRA_CA_CERTS; nothing else does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCertificate {
  readonly key: Buffer;
  readonly cert: Buffer;
  /** The certificate's file, for NODE_EXTRA_CA_CERTS. */
  readonly certFile: string;
}

let made: LocalCertificate | undefined;

export function localCertificate(): LocalCertificate {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), 'which-tool-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  made = { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
  return made;
}
