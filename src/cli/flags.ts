// Options of the administration commands (`digest`, `corrections`): --flag value, --switch, and
// the rest in order. A mistake is a UsageError, printed with the command's usage.
export class UsageError extends Error {}

export function parseFlags(args: readonly string[], valued: readonly string[], switches: readonly string[] = []): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) rest.push(a);
    else if (switches.includes(a)) flags.set(a, 'true');
    else if (valued.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else throw new UsageError(`unknown option ${a}`);
  }
  return { flags, rest };
}
