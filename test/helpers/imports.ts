// Reads the module specifiers of a TypeScript source without a parser: the layer tests need
// only the strings, and a regex set that is itself tested keeps them free of a compiler API.
/** Every module specifier in a TypeScript source: static and dynamic imports, re-exports, require. */
export function importedSpecifiers(source: string): string[] {
  const noComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const p of patterns) for (const m of noComments.matchAll(p)) found.push(m[1]!);
  return found;
}

/** The packages a source imports, by name (`@slack/bolt`, `croner`): relative files and node: builtins are not packages. */
export function importedPackages(source: string): string[] {
  return importedSpecifiers(source)
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}
