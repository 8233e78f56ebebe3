import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { git } from './changes/git.js';
import type { ChangedFile } from './changes/types.js';
import { findConfig } from './config/load.js';
import { PromptgateError } from './errors.js';
import { planRequests } from './plan/requests.js';
import { planSuites, type Side } from './plan/suites.js';

/**
 * `promptgate validate`: everything a review would check before its first model call — config, prompt files,
 * eval sets, template variables, assertions — on the working tree, with no model call and no API key.
 * Every prompt the config matches is planned as if it had changed, so every case is rendered.
 */
export async function validateRepo(args: { repoDir: string; configPath?: string; env: Record<string, string | undefined> }): Promise<{ lines: string[] }> {
  const repoDir = (await git(args.repoDir, ['rev-parse', '--show-toplevel'])).trim();
  const files = (await git(repoDir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])).split('\0').filter(Boolean);
  const read = async (path: string) => {
    try {
      return await readFile(join(repoDir, path), 'utf8');
    } catch {
      return null;
    }
  };
  const { config, configFile } = await findConfig(read, args.configPath);
  if (args.configPath && !config) throw new PromptgateError('config file not found', { file: args.configPath, hint: 'check the --config path: it is relative to the repository root' });
  const matchesAny = config
    ? picomatch(
        config.suites.map((s) => s.prompt),
        { dot: true },
      )
    : (p: string) => /\.prompt\.ya?ml$/i.test(p);
  const changed: ChangedFile[] = files.filter((p) => matchesAny(p)).map((path) => ({ path, status: 'modified' }));
  const side: Side = { sha: 'working tree', config, configFile, files, read };
  const planned = await planSuites({
    base: side,
    head: side,
    trusted: 'head',
    changed,
    // `${VAR}` is resolved from the environment exactly as `run` resolves it, so what validates also runs.
    settings: { env: args.env, configFile, overrides: {}, zeroConfig: config ? undefined : { baseUrl: 'https://models.github.ai/inference', model: 'openai/gpt-4o-mini' } },
  });
  const lines = [configFile ? `config ${configFile}: ok` : 'no promptgate.yml: zero-config mode (GitHub Models .prompt.yml files with testData)'];
  if (config) {
    for (const suite of config.suites) {
      if (!planned.some((p) => p.name === suite.name || p.name.startsWith(`${suite.name} (`))) {
        lines.push(`warning: suite "${suite.name}": no file matches prompt "${suite.prompt}"`);
      }
    }
  }
  let samples = 0;
  for (const s of planned) {
    const requests = planRequests(s, (v) => ({ baseURL: v.settings.baseURL, apiKey: 'validate', model: v.settings.model, params: v.settings.params }));
    const perVariant = s.cases.length * s.repeats;
    samples += requests.length / 2;
    lines.push(
      `suite "${s.name}": ${s.prompt} (${s.candidate?.doc.format ?? '?'}, model ${s.candidate?.settings.model ?? '?'}), ` +
        `${s.cases.length} cases × ${s.repeats} repeats = ${perVariant} samples per variant, ${s.assert.length} shared assertion(s): ok`,
    );
  }
  lines.push(`${planned.length} suite(s) valid; a review of all of them would make ${samples * 2} model calls.`);
  return { lines };
}
