// Placeholder replaced by the digest issue: the store and scheduler are not built yet.
export async function runDigestCommand(_args: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  io.err('which-tool: digest commands are not available in this build yet.');
  return 2;
}
