// An install `state` made outside the server: an HS256 JWT shaped like @slack/oauth's own. Signed
// with the real state secret but dated in the past, it is an expired state; signed with
// another secret, a forged one.
import { createHmac } from 'node:crypto';

const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

export function forgedState(secret: string, issuedAt: number): string {
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ installOptions: { scopes: ['chat:write'] }, now: new Date(issuedAt).toJSON(), random: 4711, iat: Math.floor(issuedAt / 1000) })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
