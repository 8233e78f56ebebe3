import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { GITIGNORE_LINE, STARTER_CONFIG, STARTER_WORKFLOW, ZERO_CONFIG_WORKFLOW } from '../init-templates.js';
import type { CliIo } from './common.js';

/**
 * `promptgate init`: in a repository whose GitHub Models prompt files already carry `testData`, a zero-config
 * workflow and nothing else (the files are the eval sets); otherwise a starter promptgate.yml and its workflow.
 * Either way `.promptgate/` (the response cache) goes into .gitignore, once. Every file written ends in a newline.
 */
export async function initCommand(opts: { force?: boolean }, io: CliIo): Promise<number> {
  // A promptfoo config at the root is the eval suite the team already has: the workflow points at it.
  const promptfoo = (await Promise.all(PROMPTFOO_CONFIGS.map(async (p) => ((await exists(join(io.cwd, p))) ? p : null)))).find((p) => p !== null);
  const withTests = promptfoo ? [] : await promptFilesWithTestData(io.cwd);
  const files: [string, string][] = promptfoo
    ? [['.github/workflows/promptgate.yml', STARTER_WORKFLOW.replace('          api-key:', `          config: ${promptfoo}\n          api-key:`)]]
    : withTests.length
      ? [['.github/workflows/promptgate.yml', ZERO_CONFIG_WORKFLOW]]
      : [
          ['promptgate.yml', STARTER_CONFIG],
          ['.github/workflows/promptgate.yml', STARTER_WORKFLOW],
        ];
  if (promptfoo) io.stdout(`found ${promptfoo}: the workflow reviews with it (config: ${promptfoo}), so no promptgate.yml\n`);
  if (withTests.length) {
    const shown = withTests.slice(0, 5).join(', ') + (withTests.length > 5 ? `, and ${withTests.length - 5} more` : '');
    io.stdout(`found GitHub Models prompt files with testData (${shown}): zero-config, so no promptgate.yml; they run on GitHub Models with the workflow's token\n`);
  }
  for (const [path, text] of files) {
    const target = join(io.cwd, path);
    if (!opts.force && (await exists(target))) {
      io.stderr(`skipped ${path}: it exists (use --force to overwrite)\n`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text.endsWith('\n') ? text : text + '\n');
    io.stdout(`wrote ${path}\n`);
  }
  const ignore = join(io.cwd, '.gitignore');
  const current = await readFile(ignore, 'utf8').catch(() => null);
  const listed = (current ?? '').split(/\r?\n/).some((line) => ['.promptgate', '.promptgate/', '/.promptgate', '/.promptgate/'].includes(line.trim()));
  if (!listed) {
    const before = current === null || current === '' || current.endsWith('\n') ? (current ?? '') : current + '\n';
    await writeFile(ignore, `${before}${GITIGNORE_LINE}\n`);
    io.stdout(`${current === null ? 'wrote' : 'updated'} .gitignore (${GITIGNORE_LINE}: the response cache)\n`);
  }
  return 0;
}

const GITHUB_MODELS_FILE = /\.prompt\.ya?ml$/i;
const PROMPTFOO_CONFIGS = ['promptfooconfig.yaml', 'promptfooconfig.yml'];
const SKIP_DIRS = new Set(['.git', 'node_modules', '.promptgate']);

/** GitHub Models prompt files under `dir` whose `testData` has rows (the working tree, as `init` sees it). */
async function promptFilesWithTestData(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > 12 || found.length >= 1000) return;
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(path, depth + 1);
      else if (e.isFile() && GITHUB_MODELS_FILE.test(e.name)) {
        try {
          const doc = parseYaml(await readFile(join(dir, path), 'utf8')) as { testData?: unknown } | null;
          if (Array.isArray(doc?.testData) && doc.testData.length > 0) found.push(path);
        } catch {
          // Not readable as YAML: `promptgate validate` says why; it is not a reason to write a config.
        }
      }
    }
  };
  await walk('', 0);
  return found;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
