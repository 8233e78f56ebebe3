import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContainsJsonSpecSchema } from '../assertions/contains-json.js';
import { PROMPTFOO, type AssertionSpec } from '../assertions/schema.js';
import { readCsv, readJson, readJsonl, readYaml, type RawCase } from '../cases/readers.js';
import type { EvalCase } from '../cases/types.js';
import { PromptgateError } from '../errors.js';
import { PromptfooSchema, type PromptfooFile } from '../prompts/promptfoo.js';
import { checkCount, checkSize } from './limits.js';
import { ConfigSchema, type Config } from './schema.js';
import { parseWithSchema, parseYamlSource, type YamlSource } from '../source/yaml.js';

/**
 * A promptfoo config (`promptfooconfig.yaml`) read as a promptgate config plus its tests as cases (see
 * docs/formats.md, "promptfoo configs"). Every prompt × provider becomes a suite; every test runs in every suite,
 * as in `promptfoo eval`. What promptgate cannot run is an error naming the key, never a silent skip.
 */

// Whether a file is a promptfoo config, and its inline prompt, are the prompt readers' (src/prompts/promptfoo.ts).
export { isPromptfooConfig, PROMPTFOO_CONFIG, promptfooInlinePrompt } from '../prompts/promptfoo.js';

export interface PromptfooConfig {
  config: Config;
  /** The tests, as cases: the same for every suite (their `cases` is the config file itself). */
  cases: EvalCase[];
}

const AssertSchema = z.looseObject({ type: z.string().min(1), value: z.unknown().optional(), threshold: z.number().optional() });
const TestSchema = z.looseObject({
  description: z.string().optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  assert: z.array(AssertSchema).optional(),
});

/** Top-level keys promptgate reads; others promptfoo knows are named in an error, never ignored. */
const KNOWN_TOP = new Set(['description', 'prompts', 'providers', 'defaultTest', 'tests', '$schema', 'sharing', 'outputPath', 'writeLatestResults', 'tags', 'env']);

/** Provider `config` keys and the promptgate params they become. */
const PARAM_KEYS: Record<string, string> = {
  temperature: 'temperature',
  max_tokens: 'max_tokens',
  top_p: 'top_p',
  seed: 'seed',
  stop: 'stop',
  frequency_penalty: 'frequency_penalty',
  presence_penalty: 'presence_penalty',
  response_format: 'response_format',
  max_completion_tokens: 'max_completion_tokens',
};

/**
 * Read a promptfoo config. `read` gives a repo file's text (or null) at the same commit, for `file://` tests and
 * vars; paths are relative to the config's folder, as promptfoo resolves them, and must stay in the repo.
 */
export async function parsePromptfooConfig(file: string, text: string, read: (path: string) => Promise<string | null>): Promise<PromptfooConfig> {
  const source = parseYamlSource(file, text);
  const pf = parseWithSchema(PromptfooSchema, source, 'promptfoo config');
  for (const key of Object.keys(pf)) {
    if (!KNOWN_TOP.has(key)) {
      throw new PromptgateError(`uses "${key}", which promptgate does not read from a promptfoo config`, {
        file,
        line: source.lineOf([], key),
        hint: 'promptgate reads prompts, providers, defaultTest and tests; remove the key or run it with promptfoo itself',
      });
    }
  }
  if (pf.env !== undefined) {
    throw new PromptgateError('sets "env", which promptgate does not take from a config', { file, line: source.lineOf([], 'env'), hint: 'set environment variables in the workflow instead' });
  }
  const dir = posix.dirname(file);
  const prompts = promptsOf(pf, source, dir);
  const providers = providersOf(pf, source);
  const suites = prompts.flatMap((prompt) =>
    providers.map((provider) => ({
      name: providers.length > 1 ? `${prompt.label} @ ${provider.label}` : prompt.label,
      prompt: prompt.path,
      cases: file,
      ...(Object.keys(provider.provider).length > 0 ? { provider: provider.provider } : {}),
    })),
  );
  for (const prompt of prompts) if (prompt.path !== file) await checkPromptFile(prompt.path, read, { file, line: prompt.line });
  const config = parseWithSchema(ConfigSchema, { ...source, value: { version: 1, suites } }, 'promptfoo config (as a promptgate config)');
  const cases = await casesOf(pf, source, dir, read);
  return { config, cases };
}

function resolvePath(dir: string, ref: string, where: { file: string; line?: number; key: string }): string {
  const path = posix.normalize(posix.join(dir, ref.replace(/^file:\/\//, '')));
  if (posix.isAbsolute(ref.replace(/^file:\/\//, '')) || path === '..' || path.startsWith('../')) {
    throw new PromptgateError(`${where.key} "${ref}" points outside the repository`, { file: where.file, line: where.line, hint: 'use a path relative to the config file, inside the repository' });
  }
  return path;
}

/**
 * promptfoo splits a text prompt file on lines of `---` into several prompts; promptgate compares one prompt per
 * file, so such a file is refused rather than sent as one prompt.
 */
async function checkPromptFile(path: string, read: (path: string) => Promise<string | null>, where: { file: string; line?: number }): Promise<void> {
  const text = await read(path);
  if (text === null) throw new PromptgateError(`prompt ${path} does not exist`, { ...where, hint: 'fix the file:// path (relative to the config file)' });
  if (/\.(txt|md)$/i.test(path) && /\n---[ \t]*\r?\n/.test(text) && !/^---[ \t]*\r?\n/.test(text)) {
    throw new PromptgateError(`prompt ${path} holds several prompts separated by "---"`, {
      ...where,
      hint: 'put each prompt in its own file and list each as file://… (promptgate compares each prompt file between commits)',
    });
  }
  if (!/\.prompty$/i.test(path) && (/\{%/.test(text) || /\{\{[^}]*\|/.test(text))) {
    throw new PromptgateError(`prompt ${path} uses Nunjucks tags or filters, which promptgate does not render in promptfoo prompts`, {
      ...where,
      hint: 'use plain {{var}} substitution, or write the prompt as a .prompty file (Jinja)',
    });
  }
}

function promptsOf(pf: PromptfooFile, source: YamlSource, dir: string): { path: string; label: string; line?: number }[] {
  const list = typeof pf.prompts === 'string' ? [pf.prompts] : pf.prompts;
  const out: { path: string; label: string; line?: number }[] = [];
  list.forEach((p, i) => {
    const line = source.lineOf(typeof pf.prompts === 'string' ? ['prompts'] : ['prompts', i]);
    const raw = typeof p === 'string' ? p : p.raw;
    const label = typeof p === 'string' ? undefined : (p.label ?? p.id);
    if (raw === undefined) {
      if (typeof p !== 'string' && p.id?.startsWith('file://')) {
        out.push({ ...filePrompt(p.id, dir, source.file, line, label), line });
        return;
      }
      throw new PromptgateError(`prompts[${i}] has neither raw text nor a file:// id`, { file: source.file, line, hint: 'write the prompt as a string, or as file://path/to/prompt.txt' });
    }
    if (raw.startsWith('file://')) {
      out.push({ ...filePrompt(raw, dir, source.file, line, label), line });
      return;
    }
    if (list.length > 1) {
      throw new PromptgateError(`prompts[${i}] is written inline, next to other prompts`, {
        file: source.file,
        line,
        hint: 'promptgate compares each prompt file between commits; with several prompts, put each in its own file and list it as file://prompts/name.txt (one inline prompt alone is fine)',
      });
    }
    // One inline prompt: the config file itself is the prompt file (parsePromptFile reads its prompt).
    out.push({ path: source.file, label: label ?? 'prompt' });
  });
  return out;
}

const FUNCTION_PROMPT = /\.(js|cjs|mjs|ts|py)(:\w+)?$/i;
const READABLE_PROMPT = /\.(txt|md|json|ya?ml|prompt|prompty)$/i;

function filePrompt(ref: string, dir: string, file: string, line: number | undefined, label: string | undefined): { path: string; label: string } {
  if (FUNCTION_PROMPT.test(ref)) {
    throw new PromptgateError(`prompt "${ref}" is a prompt function, which promptgate does not run`, { file, line, hint: 'write the prompt as a text (.txt/.md) or chat (.json) file' });
  }
  if (/[*?[]/.test(ref)) {
    throw new PromptgateError(`prompt "${ref}" is a glob`, { file, line, hint: 'list every prompt file on its own line' });
  }
  if (!READABLE_PROMPT.test(ref)) {
    throw new PromptgateError(`prompt "${ref}" is not a format promptgate reads`, { file, line, hint: 'use a .txt/.md text prompt or a .json chat prompt (a list of {role, content})' });
  }
  const path = resolvePath(dir, ref, { file, line, key: 'prompt' });
  return { path, label: label ?? path };
}

interface MappedProvider {
  label: string;
  provider: { model?: string; base_url?: string; api_key_env?: string; params?: Record<string, unknown> };
}

function providersOf(pf: PromptfooFile, source: YamlSource): MappedProvider[] {
  const list = typeof pf.providers === 'string' ? [pf.providers] : pf.providers;
  if (list.length === 0) throw new PromptgateError('has no providers', { file: source.file, line: source.lineOf(['providers']), hint: 'list one, e.g. openai:chat:gpt-4o-mini' });
  return list.map((p, i) => {
    const path = typeof pf.providers === 'string' ? ['providers'] : ['providers', i];
    const line = source.lineOf(path);
    const id = typeof p === 'string' ? p : p.id;
    const m = /^openai:(?:chat:)?([^:]+)$/.exec(id);
    if (!m || ['completion', 'embedding', 'embeddings', 'assistant', 'image', 'realtime', 'responses', 'moderation'].includes(m[1]!)) {
      throw new PromptgateError(`provider "${id}" is not an OpenAI-compatible chat model`, {
        file: source.file,
        line,
        hint: 'promptgate calls OpenAI-compatible chat endpoints: use openai:chat:<model> (with config.apiBaseUrl for another endpoint)',
      });
    }
    const provider: MappedProvider['provider'] = { model: m[1]! };
    const params: Record<string, unknown> = {};
    const config = typeof p === 'string' ? {} : (p.config ?? {});
    for (const [key, value] of Object.entries(config)) {
      const keyLine = source.lineOf([...path, 'config'], key);
      if (key === 'apiBaseUrl') provider.base_url = String(value);
      else if (key === 'apiKeyEnvar') provider.api_key_env = String(value);
      else if (key in PARAM_KEYS) params[PARAM_KEYS[key]!] = value;
      else if (key === 'apiKey') {
        throw new PromptgateError('provider config holds an API key', {
          file: source.file,
          line: keyLine,
          hint: 'never commit a key: set it in the environment and name the variable with apiKeyEnvar (or use OPENAI_API_KEY)',
        });
      } else {
        throw new PromptgateError(`provider config "${key}" is not one promptgate sends`, {
          file: source.file,
          line: keyLine,
          hint: `promptgate reads apiBaseUrl, apiKeyEnvar and ${Object.keys(PARAM_KEYS).join(', ')}`,
        });
      }
    }
    if (Object.keys(params).length > 0) provider.params = params;
    return { label: (typeof p === 'string' ? undefined : p.label) ?? m[1]!, provider };
  });
}

type PromptfooTest = z.infer<typeof TestSchema>;

async function casesOf(pf: PromptfooFile, source: YamlSource, dir: string, read: (path: string) => Promise<string | null>): Promise<EvalCase[]> {
  const tests: { test: PromptfooTest; file: string; line?: number; label: string }[] = [];
  const list = pf.tests === undefined ? [] : typeof pf.tests === 'string' ? [pf.tests] : pf.tests;
  for (const [i, t] of list.entries()) {
    const line = source.lineOf(typeof pf.tests === 'string' ? ['tests'] : ['tests', i]);
    if (typeof t === 'string') {
      for (const row of await testsFromFile(t, dir, { file: source.file, line }, read)) tests.push(row);
    } else {
      const test = asTest(t, `tests[${i}]`, { file: source.file, line, lineOf: (key) => source.lineOf(['tests', i], key) });
      tests.push({ test, file: source.file, line, label: `tests[${i}]` });
    }
  }
  if (tests.length === 0) {
    throw new PromptgateError('has no tests', {
      file: source.file,
      line: source.lineOf(['tests']),
      hint: 'add tests with vars and assert; promptgate runs every test against the baseline and the candidate prompt',
    });
  }
  checkCount('cases', tests.length, { file: source.file });
  const defaults: PromptfooTest =
    pf.defaultTest === undefined ? {} : asTest(pf.defaultTest, 'defaultTest', { file: source.file, line: source.lineOf(['defaultTest']), lineOf: (key) => source.lineOf(['defaultTest'], key) });
  const ids = new Set<string>();
  const cases: EvalCase[] = [];
  for (const [n, { test, file, line, label }] of tests.entries()) {
    const vars: Record<string, unknown> = { ...(defaults.vars ?? {}), ...(test.vars ?? {}) };
    for (const [name, value] of Object.entries(vars)) {
      if (typeof value === 'string' && value.startsWith('file://')) vars[name] = await varFromFile(value, dir, { file, line, key: `vars.${name}` }, read);
    }
    const assert = [...(defaults.assert ?? []), ...(test.assert ?? [])].flatMap((a) => mapAssertion(a, { file, line }));
    let id = `${source.file}#${n + 1}`;
    if (test.description && !ids.has(test.description)) id = test.description;
    ids.add(id);
    cases.push({ id, vars, tags: [], assert, ...(line !== undefined ? { line } : {}) });
    void label;
  }
  return cases;
}

const TEST_KEYS = new Set(['description', 'vars', 'assert', 'metadata']);

/** One test (or defaultTest) checked key by key, so an error names the test, the key and its line. */
function asTest(value: unknown, label: string, where: { file: string; line?: number; lineOf?: (key: string) => number | undefined }): PromptfooTest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PromptgateError(`${label} is not a test`, { file: where.file, line: where.line, hint: 'write a test as { description, vars: {...}, assert: [...] }' });
  }
  checkTestKeys(value as PromptfooTest, where.file, where.line);
  const asserts = (value as { assert?: unknown }).assert;
  if (Array.isArray(asserts)) {
    asserts.forEach((a, j) => {
      if (a !== null && typeof a === 'object' && '$ref' in a) {
        throw new PromptgateError(`${label}.assert[${j}] is a $ref to an assertion template, which promptgate does not resolve`, {
          file: where.file,
          line: where.lineOf?.('assert') ?? where.line,
          hint: 'write the assertion out in the test (type and value)',
        });
      }
    });
  }
  const parsed = TestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PromptgateError(`${label}.${issue.path.join('.')}: ${issue.message}`, {
      file: where.file,
      line: where.lineOf?.(String(issue.path[0] ?? '')) ?? where.line,
      hint: 'write a test as { description, vars: {...}, assert: [{ type, value }] }',
    });
  }
  return parsed.data;
}

function checkTestKeys(t: PromptfooTest, file: string, line: number | undefined): void {
  for (const key of Object.keys(t)) {
    if (!TEST_KEYS.has(key)) {
      throw new PromptgateError(`a test uses "${key}", which promptgate does not run`, {
        file,
        line,
        hint: 'promptgate reads description, vars and assert of a test (options, threshold, provider and transforms are promptfoo-only)',
      });
    }
  }
}

async function readRepoFile(ref: string, dir: string, where: { file: string; line?: number; key: string }, read: (path: string) => Promise<string | null>): Promise<{ path: string; text: string }> {
  const path = resolvePath(dir, ref, where);
  const text = await read(path);
  if (text === null)
    throw new PromptgateError(`${where.key} refers to ${path}, which does not exist`, { file: where.file, line: where.line, hint: 'fix the file:// path (relative to the config file)' });
  return { path, text };
}

async function testsFromFile(
  ref: string,
  dir: string,
  where: { file: string; line?: number },
  read: (path: string) => Promise<string | null>,
): Promise<{ test: PromptfooTest; file: string; line?: number; label: string }[]> {
  if (!ref.startsWith('file://')) throw new PromptgateError(`tests "${ref}" is not a file:// reference`, { ...where, hint: 'write tests inline, or as file://tests.csv / .yaml / .jsonl' });
  const { path, text } = await readRepoFile(ref, dir, { ...where, key: 'tests' }, read);
  checkSize('cases', path, text);
  let rows: RawCase[];
  let csv = false;
  if (/\.csv$/i.test(path)) {
    rows = readCsv(path, text);
    csv = true;
  } else if (/\.jsonl$/i.test(path)) rows = readJsonl(path, text);
  else if (/\.json$/i.test(path)) rows = readJson(path, text);
  else if (/\.ya?ml$/i.test(path)) rows = readYaml(path, text);
  else
    throw new PromptgateError(`tests file ${path} is not a format promptgate reads`, { ...where, hint: 'use .csv, .yaml/.yml, .jsonl or .json (JavaScript and Python test generators are not run)' });
  return rows.map((row) => {
    const at = { file: path, ...(row.line !== undefined ? { line: row.line } : {}) };
    if (csv) return { test: csvTest(row.value as Record<string, unknown>, at), ...at, label: row.label };
    const test = asTest(row.value, row.label, { ...at, ...(row.lineOfKey ? { lineOf: row.lineOfKey } : {}) });
    return { test, ...at, label: row.label };
  });
}

/** A CSV row as promptfoo reads it: columns are vars; `__expected*` are assertions; `__description` names it. */
function csvTest(row: Record<string, unknown>, where: { file: string; line?: number }): PromptfooTest {
  const vars: Record<string, unknown> = {};
  const assert: z.infer<typeof AssertSchema>[] = [];
  let description: string | undefined;
  for (const [column, cell] of Object.entries(row)) {
    const value = typeof cell === 'string' ? cell : JSON.stringify(cell);
    if (/^__expected\d*$/.test(column)) {
      if (value.trim() !== '') assert.push(expectedCell(value, where));
    } else if (column === '__description') description = value;
    else if (column.startsWith('__metadata')) continue;
    else if (column.startsWith('__')) {
      throw new PromptgateError(`column "${column}" is not one promptgate reads`, { ...where, hint: 'promptgate reads variable columns, __expected, __expected1… and __description' });
    } else vars[column] = cell;
  }
  return { vars, assert, ...(description !== undefined ? { description } : {}) };
}

/** promptfoo's `__expected` cell syntax: `type: value`, a bare `type` for valueless ones, or text to equal. */
function expectedCell(cell: string, where: { file: string; line?: number }): z.infer<typeof AssertSchema> {
  const bare = cell.trim();
  if (['is-json', 'contains-json', 'not-is-json', 'not-contains-json'].includes(bare)) return { type: bare };
  const m = /^(not-)?([a-z][a-z-]*):\s?([\s\S]*)$/.exec(cell);
  if (m) {
    const type = m[2] === 'grade' ? 'llm-rubric' : m[2] === 'fn' ? 'javascript' : m[2]!;
    if (type === 'eval') throw new PromptgateError('an __expected cell uses eval:, which promptgate does not run', { ...where });
    return { type: `${m[1] ?? ''}${type}`, value: m[3] };
  }
  return { type: 'equals', value: cell };
}

async function varFromFile(ref: string, dir: string, where: { file: string; line?: number; key: string }, read: (path: string) => Promise<string | null>): Promise<unknown> {
  if (!/\.(txt|md)$/i.test(ref)) {
    throw new PromptgateError(`${where.key} is "${ref}", which promptgate does not load`, {
      file: where.file,
      line: where.line,
      hint: 'a file:// var may name a .txt or .md file (its text becomes the value); write other values inline',
    });
  }
  return (await readRepoFile(ref, dir, where, read)).text;
}

/** promptfoo assertion types whose promptgate type has the same pass/fail on the same output. */
const TEXT_TYPES: Record<string, string> = {
  equals: 'equals',
  contains: 'contains',
  icontains: 'icontains',
  'starts-with': 'starts_with',
  'ends-with': 'ends_with',
  regex: 'regex',
};

/** One promptfoo assertion as promptgate assertions (several for `contains-all`, which must all hold). */
export function mapAssertion(a: z.infer<typeof AssertSchema>, where: { file: string; line?: number }): AssertionSpec[] {
  const negated = a.type.startsWith('not-');
  const base = negated ? a.type.slice(4) : a.type;
  const not = negated ? 'not_' : '';
  const extra = Object.keys(a).filter((k) => !['type', 'value', 'threshold', 'weight', 'metric'].includes(k));
  if (extra.length > 0) {
    throw new PromptgateError(`assertion ${a.type} uses "${extra[0]}", which promptgate does not run`, {
      ...where,
      hint: 'promptgate reads type, value, threshold, weight and metric of an assertion',
    });
  }
  const unsupported = (why: string): never => {
    throw new PromptgateError(`assertion type "${a.type}" ${why}`, {
      ...where,
      hint: 'promptgate runs equals, contains, icontains, starts-with, ends-with, regex, contains-any/all, icontains-any/all, is-json, contains-json, llm-rubric, latency and their not- forms',
    });
  };
  if (a.threshold !== undefined && base !== 'llm-rubric' && base !== 'latency') unsupported('has a threshold, which only llm-rubric and latency use in promptgate');
  const text = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return unsupported('needs a text value');
  };
  if (base in TEXT_TYPES) {
    if (base === 'equals' && a.value !== null && typeof a.value === 'object') {
      // promptfoo compares an object value with the output parsed as JSON, deeply.
      return [{ type: `${not}json_path_equals`, path: '$', value: a.value }].map((s) => (negated ? unsupported('compares with an object, which promptgate cannot negate') : s));
    }
    return [{ type: `${not}${TEXT_TYPES[base]}`, value: text(a.value) }];
  }
  const list = (): string[] =>
    Array.isArray(a.value)
      ? a.value.map(text)
      : text(a.value)
          .split(',')
          .map((s) => s.trim());
  switch (base) {
    case 'contains-all':
    case 'icontains-all': {
      if (negated) unsupported('(none of all) has no promptgate form; use not-contains for each value');
      return list().map((v) => ({ type: base === 'contains-all' ? 'contains' : 'icontains', value: v }));
    }
    case 'contains-any':
    case 'icontains-any': {
      const values = list();
      if (negated) return values.map((v) => ({ type: base === 'contains-any' ? 'not_contains' : 'not_icontains', value: v }));
      return [{ type: 'regex', value: values.map(quoteRe2).join('|'), ...(base === 'icontains-any' ? { ignore_case: true } : {}) }];
    }
    case 'is-json':
    case 'contains-json': {
      const schema = schemaValue(a.value, where, a.type);
      const spec = ContainsJsonSpecSchema.parse({ type: `${not}contains_json`, ...(base === 'is-json' ? { whole: true } : {}), ...(schema !== undefined ? { value: schema } : {}) });
      return [spec];
    }
    case 'llm-rubric': {
      if (negated) unsupported('is negated, which promptgate does not grade');
      // Graded as promptfoo grades it: its own grading prompt and its reading of the judge's reply (docs/formats.md).
      return [{ type: 'llm_rubric', value: text(a.value), ...(a.threshold !== undefined ? { threshold: a.threshold } : {}), semantics: PROMPTFOO }];
    }
    case 'latency': {
      if (negated || a.threshold === undefined) unsupported('needs a threshold (milliseconds)');
      return [{ type: 'max_latency_ms', value: a.threshold }];
    }
    case 'javascript':
    case 'python':
    case 'ruby':
    case 'webhook':
      return unsupported('runs code, which promptgate never does with a file from the repository');
    default:
      return unsupported('is not one promptgate runs');
  }
}

/** A literal for RE2: every metacharacter escaped. */
function quoteRe2(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function schemaValue(value: unknown, where: { file: string; line?: number }, type: string): Record<string, unknown> | boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let schema: unknown = value;
  if (typeof value === 'string') {
    if (value.startsWith('file://')) throw new PromptgateError(`${type} names a schema file, which promptgate does not read`, { ...where, hint: 'write the JSON Schema inline under value:' });
    try {
      schema = parseYaml(value);
    } catch {
      throw new PromptgateError(`${type} value is not a JSON Schema`, { ...where, hint: 'write the schema as a YAML mapping under value:' });
    }
  }
  if (typeof schema === 'boolean') return schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
    throw new PromptgateError(`${type} value is not a JSON Schema`, { ...where, hint: 'write the schema as a YAML mapping under value:' });
  return schema as Record<string, unknown>;
}
