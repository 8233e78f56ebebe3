import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * dist/ ships third-party code, so it ships their licenses: dist/licenses.txt (scripts/licenses.mjs) must name every
 * package the source imports, with its license. ncc's own --license once left it naming `diff` alone.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|cjs)$/.test(f) ? [path] : [];
  });
}

/** Packages the source imports (bare specifiers; not node: built-ins, not type-only imports). */
function importedPackages(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^'.][^']*)'|require\('([^'.][^']*)'\)/gm)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('node:')) continue;
      found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return found;
}

describe('dist/licenses.txt', () => {
  it('names every package the source imports, each with a license line after its name', () => {
    const lines = readFileSync('dist/licenses.txt', 'utf8').split('\n');
    const packages = importedPackages();
    expect(packages.size).toBeGreaterThan(15);
    for (const pkg of packages) {
      const at = lines.indexOf(pkg);
      expect(at, `${pkg} is not in dist/licenses.txt`).toBeGreaterThanOrEqual(0);
      expect(lines[at + 1], `${pkg} has no license line`).toMatch(/\S/);
    }
  });
});
