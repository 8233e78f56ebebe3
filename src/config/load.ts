import { posix } from 'node:path';
import type { EvalCase } from '../cases/types.js';
import { PromptgateError } from '../errors.js';
import { isPromptfooConfig, parsePromptfooConfig } from './promptfoo.js';
import { ConfigSchema, type Config } from './schema.js';
import { parseWithSchema, parseYamlSource } from '../source/yaml.js';

/** Where promptgate looks for its config, in order (docs/contract.md §2). */
export const CONFIG_PATHS = ['promptgate.yml', '.github/promptgate.yml'] as const;

/** Parse and validate `promptgate.yml` text. Pure: the caller reads the file (from disk or from a git commit). */
export function parseConfig(file: string, text: string): Config {
  const source = parseYamlSource(file, text);
  if (source.value === null || source.value === undefined) {
    throw new PromptgateError('is empty', { file, hint: 'start from `npx promptgate init`, or see the README for the format' });
  }
  const config = parseWithSchema(ConfigSchema, source, 'config');
  const names = new Set<string>();
  config.suites.forEach((suite, i) => {
    if (names.has(suite.name)) {
      throw new PromptgateError(`two suites are named "${suite.name}"`, {
        file,
        line: source.lineOf(['suites', i, 'name']),
        hint: 'give every suite a unique name; it is how reports and checks refer to it',
      });
    }
    names.add(suite.name);
    for (const key of ['prompt', 'cases'] as const) {
      const value = suite[key];
      if (value !== undefined) assertInsideRepo(value, { file, line: source.lineOf(['suites', i, key]), key });
    }
  });
  assertInsideRepo(config.run.cache_dir, { file, line: source.lineOf(['run', 'cache_dir']), key: 'cache_dir' });
  return config;
}

/** Paths in the config are repo-relative and must stay inside the repo. */
export function assertInsideRepo(path: string, where: { file: string; line?: number; key: string }): void {
  const normal = posix.normalize(path.replaceAll('\\', '/'));
  if (posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) {
    throw new PromptgateError(`${where.key} "${path}" points outside the repository`, {
      file: where.file,
      line: where.line,
      hint: 'use a path relative to the repository root, without leading "/" or ".."',
    });
  }
}

/**
 * Expand `${VAR}` references (allowed in `base_url` and `model` only, docs/contract.md §2). An unset variable is an error,
 * never an empty string: a silently empty base URL would send requests somewhere unintended.
 */
export function expandEnv(value: string, env: Record<string, string | undefined>, where: { file: string; key: string }): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v === undefined || v === '') {
      throw new PromptgateError(`${where.key} refers to \${${name}}, which is not set`, {
        file: where.file,
        hint: `set the environment variable ${name}, or write the value in ${where.key} directly`,
      });
    }
    return v;
  });
}

/**
 * The config at one side of the comparison: `configPath` when given, else the first of CONFIG_PATHS that exists.
 * `read` returns a file's text or null (from a commit, or from the working tree). null config: zero-config mode.
 * A promptfoo config (`--config promptfooconfig.yaml`, see docs/formats.md) gives a promptgate config whose suites'
 * `cases` is the config file itself, and `cases`: its tests, read at the same commit.
 */
export async function findConfig(
  read: (path: string) => Promise<string | null>,
  configPath?: string,
): Promise<{ config: Config | null; configFile: string | null; text: string | null; cases?: EvalCase[] }> {
  for (const path of configPath ? [configPath] : CONFIG_PATHS) {
    const text = await read(path);
    if (text === null) continue;
    if (configPath && isPromptfooConfig(path, parseYamlSource(path, text).value)) {
      const { config, cases } = await parsePromptfooConfig(path, text, read);
      return { config, configFile: path, text, cases };
    }
    return { config: parseConfig(path, text), configFile: path, text };
  }
  return { config: null, configFile: null, text: null };
}
