// Checks a schema-valid policy against the catalog and indexes it. Every reference is checked
// here, once, so answering never meets a name it cannot place: a tool without a category must
// be a catalog tool, each tool is listed once, each data class has one rule, and an `allow`
// names only known tools the policy does not prohibit.
import { createHash } from 'node:crypto';
import type { CategoryIdT, DataClassT } from '../schema.js';
import { toolKey, type CatalogTools } from './catalog-tools.js';
import { verdictOf, type Policy, type PolicyDataRule, type PolicyEntry } from './policy.js';
import type { PolicyFileT, PolicyToolT } from './schema.js';

export interface Problem {
  readonly path: string;
  readonly reason: string;
}

export type Compiled = { ok: true; policy: Policy } | { ok: false; problems: Problem[] };

// A bare "Copilot" is two different products; the owner has to say which one they mean.
const AMBIGUOUS: Record<string, string> = { copilot: 'write "GitHub Copilot" or "Microsoft Copilot"' };

function entryFor(t: PolicyToolT, at: string, catalog: CatalogTools): PolicyEntry | Problem {
  const known = catalog.resolve(t.name);
  const shared = { status: t.status, at, ...(t.note ? { note: t.note } : {}), ...(t.url ? { url: t.url } : {}) };
  if (known) {
    // A catalog tool given a category is also offered for that kind when the catalog does not list it there.
    const elsewhere = t.category && !catalog.inCategory(t.category).some((l) => l.name === known.name);
    return { name: known.name, bestFor: t.bestFor ?? known.bestFor, own: false, ...shared, ...(elsewhere ? { offeredFor: t.category } : {}) };
  }
  if (!t.category) {
    const hint = AMBIGUOUS[toolKey(t.name)] ?? 'give it a "category" if it is your company\'s own tool';
    return { path: `${at}.name`, reason: `"${t.name}" is not a tool in the catalog: ${hint}` };
  }
  return { name: t.name.trim(), bestFor: t.bestFor ?? `your company’s own ${catalog.kind(t.category)}`, own: true, offeredFor: t.category, ...shared };
}

function ruleFor(file: PolicyFileT['data'][number], i: number, names: (n: string) => string | undefined, prohibited: (n: string) => boolean): PolicyDataRule | Problem[] {
  const problems: Problem[] = [];
  const allow: string[] = [];
  file.allow.forEach((n, j) => {
    const name = names(n);
    if (!name) problems.push({ path: `data[${i}].allow[${j}]`, reason: `unknown tool "${n}": neither a catalog tool nor one of this policy's tools with a category` });
    else if (prohibited(name)) problems.push({ path: `data[${i}].allow[${j}]`, reason: `"${name}" is prohibited by this policy, so it cannot be allowed data` });
    else if (!allow.includes(name)) allow.push(name);
  });
  if (problems.length) return problems;
  const note = file.note ?? (allow.length ? `Only ${allow.join(', ')} may take ${file.class} data.` : `No AI tool may take ${file.class} data.`);
  return { class: file.class, allow, note };
}

export function compilePolicy(file: string, text: string, parsed: PolicyFileT, catalog: CatalogTools): Compiled {
  const problems: Problem[] = [];
  const entries = new Map<string, PolicyEntry>();
  const offered = new Map<CategoryIdT, PolicyEntry[]>();
  parsed.tools.forEach((t, i) => {
    const made = entryFor(t, `tools[${i}]`, catalog);
    if ('reason' in made) return void problems.push(made);
    const first = entries.get(toolKey(made.name));
    if (first) {
      const same = toolKey(t.name) === toolKey(made.name) ? '' : ` is ${made.name}, which`;
      return void problems.push({ path: `tools[${i}].name`, reason: `"${t.name}"${same} is already listed at ${first.at}` });
    }
    entries.set(toolKey(made.name), made);
    if (made.offeredFor) offered.set(made.offeredFor, [...(offered.get(made.offeredFor) ?? []), made]);
  });

  // The tools are known now; the data rules are checked against what the policy says of them.
  const draft: Policy = {
    file, name: parsed.name, version: createHash('sha256').update(text).digest('hex').slice(0, 12), unlisted: parsed.unlisted,
    ...(parsed.owner ? { owner: parsed.owner } : {}), ...(parsed.updated ? { updated: parsed.updated } : {}),
    catalog, entries, offered, rules: new Map(),
    access: parsed.access ? { url: parsed.access.url, ...(parsed.access.note ? { note: parsed.access.note } : {}) } : null,
  };
  const names = (n: string): string | undefined => entries.get(toolKey(n))?.name ?? catalog.resolve(n)?.name;
  const prohibited = (n: string): boolean => verdictOf(draft, n).status === 'prohibited';
  const rules = new Map<DataClassT, PolicyDataRule>();
  const firstAt = new Map<DataClassT, number>();
  parsed.data.forEach((d, i) => {
    if (firstAt.has(d.class)) return void problems.push({ path: `data[${i}].class`, reason: `a second rule for "${d.class}" (the first is data[${firstAt.get(d.class)}]): merge them` });
    firstAt.set(d.class, i);
    const rule = ruleFor(d, i, names, prohibited);
    if (Array.isArray(rule)) problems.push(...rule);
    else rules.set(d.class, rule);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, policy: Object.freeze({ ...draft, rules }) };
}
