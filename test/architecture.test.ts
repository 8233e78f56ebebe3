import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down (docs/architecture.md, "Layers"): a file may import from its own layer and the layers below it,
 * never from one above. Every import counts — values, types, re-exports and import() — as TypeScript itself reads
 * them (ts.preProcessFile).
 */

/** Lowest first. A path ending in `/` is a folder; the most specific match places a file. */
const LAYERS: [string, string[]][] = [
  ['foundation', ['errors.ts', 'text.ts', 'redact.ts', 'canonical-json.ts', 'format/', 'source/', 'config/limits.ts', 'launch.ts', 'compile-cache.ts', 'interrupt.ts', 'init-templates.ts']],
  ['definitions', ['prompts/', 'cases/', 'assertions/']],
  ['config', ['config/']],
  ['changes', ['changes/']],
  ['providers', ['providers/']],
  ['run', ['run/']],
  ['plan', ['plan/']],
  ['stats', ['stats/']],
  ['results', ['results/']],
  ['gate', ['gate/']],
  ['report', ['report/']],
  ['github', ['github/']],
  ['pipelines', ['review.ts', 'review/', 'validate.ts', 'monitor.ts']],
  ['shells', ['action.ts', 'action/', 'action-main.ts', 'monitor-action.ts', 'monitor-command.ts', 'cli.ts', 'cli/', 'cli-main.ts', 'launch-main.ts']],
];

/**
 * Upward imports the code has today, each to be moved down (a shared shape into the lower part, a helper into
 * foundation). The list only shrinks: a new upward import fails the test, and so does an entry here that is gone.
 */
const KNOWN_UPWARD = new Set<string>([]);

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

function layerOf(file: string): number | undefined {
  let best: { layer: number; length: number } | undefined;
  LAYERS.forEach(([, members], layer) => {
    for (const m of members) {
      const hit = m.endsWith('/') ? file.startsWith(m) : file === m;
      if (hit && (!best || m.length > best.length)) best = { layer, length: m.length };
    }
  });
  return best?.layer;
}

/** The src/ files a file imports (relative specifiers only; packages and node: builtins are not layers). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts'));
}

/** Every upward import in src/, as "from → to" with both layers named. */
function upwardImports(): { edge: string; detail: string }[] {
  const out: { edge: string; detail: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file)!;
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if (to !== undefined && to > from) out.push({ edge: `${file} → ${target}`, detail: `${LAYERS[from]![0]} imports ${LAYERS[to]![0]}` });
    }
  }
  return out;
}

describe('architecture: imports point down', () => {
  it('every file in src/ has a layer', () => {
    const unplaced = sourceFiles(SRC).filter((f) => layerOf(f) === undefined);
    expect(unplaced, 'add these to LAYERS in test/architecture.test.ts and to docs/architecture.md').toEqual([]);
  });

  it('no part imports from a layer above it (beyond the known ones, which only go away)', () => {
    const found = upwardImports();
    const added = found.filter((u) => !KNOWN_UPWARD.has(u.edge)).map((u) => `${u.edge} (${u.detail})`);
    expect(added, 'move the shared shape or helper down to the lower part (docs/architecture.md, "Layers")').toEqual([]);
    const gone = [...KNOWN_UPWARD].filter((e) => !found.some((u) => u.edge === e));
    expect(gone, 'these upward imports are gone: delete them from KNOWN_UPWARD').toEqual([]);
  });

  it('providers/ takes nothing from the runner, and source/yaml.ts nothing from the parts that read YAML', () => {
    const edges = upwardImports().map((u) => u.edge);
    expect(edges.filter((e) => e.startsWith('providers/'))).toEqual([]);
    expect(importsOf('source/yaml.ts').filter((t) => layerOf(t)! > 0)).toEqual([]);
  });
});
