import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The parts build on each other in one direction: format and stats at the bottom, the gate on them, the report on
 * all three. A part that imports upward (stats reading the report's types, the gate the report's number formats)
 * ties the lower part to the upper one's changes.
 */

function localImports(dir: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(/from '(\.[^']+)'/g)) out.push({ file: `${dir}/${name}`, target: m[1]! });
  }
  return out;
}

describe('layers', () => {
  it('format imports nothing of promptgate; stats only itself', () => {
    expect(localImports('src/format')).toEqual([]);
    expect(localImports('src/stats').filter((i) => !i.target.startsWith('./'))).toEqual([]);
  });

  it('the gate builds on stats, format and the config, never on the report', () => {
    const allowed = /^(\.\/|\.\.\/(stats|format|config|changes)\/)/;
    expect(localImports('src/gate').filter((i) => !allowed.test(i.target))).toEqual([]);
  });
});
