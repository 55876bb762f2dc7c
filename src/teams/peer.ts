// Who may reach the unauthenticated endpoint of local mode: a process on this machine, talking
// to the server directly. A request relayed by a proxy (it says so in Forwarded / X-Forwarded-For)
// may come from anywhere, even though the proxy itself connects over loopback.
import type { IncomingMessage } from 'node:http';

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address));

export const cameThroughProxy = (req: IncomingMessage): boolean =>
  req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined || req.headers['x-real-ip'] !== undefined;
