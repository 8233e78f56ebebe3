import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';
import { ghEval, goBuiltins, type ChatCall } from '../fixtures/gh-models/reference.js';

/**
 * Same file, same verdict as `gh models eval` (docs/github-models.md), through the shipped CLI bin without a
 * promptgate.yml: GitHub's own example files and hand-made ones for each evaluator rule, against a local server
 * that answers the model and the judges. The expected pass/fail of every row comes from ../fixtures/gh-models/
 * reference.ts, gh's rules written out independently, on the same replies.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/gh-models');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const builtins = goBuiltins();
const KEY = 'pk-zero-config-test-0123456789';

/** The head commit appends this to every system message; the model answers the two versions differently. */
const EDIT = ' Be brief.';

/** Which built-in (or hand-made judge) a judge call is, by its prompt; undefined for a model call. */
function judgeOf(c: ChatCall): string | undefined {
  const user = c.messages[c.messages.length - 1]!.content;
  for (const [name, b] of Object.entries(builtins)) if (user.startsWith(b.prompt.slice(0, 60))) return name;
  return user.startsWith('Grade this answer:') ? 'verdict' : undefined;
}

/** The pure function both the fake server and the reference answer with. */
function answer(c: ChatCall): string {
  const user = c.messages[c.messages.length - 1]!.content;
  const judge = judgeOf(c);
  if (judge === 'verdict') {
    // The grader's note for the row is the reply; a baseline answer ("nothing") gets "No".
    const m = /^Grade this answer: ([\s\S]*)\nNote for the grader: ([\s\S]*)$/.exec(user)!;
    return m[1] === 'nothing' ? 'No' : m[2]!;
  }
  if (judge) {
    const completion = /(?:predicted answer|RESPONSE): ([^\n]*)\n/.exec(user)?.[1] ?? '';
    const good = !completion.startsWith('Hi.') && !completion.startsWith('Photosynthesis.');
    const ratings: Record<string, [string, string]> = {
      similarity: ['2', '1'], // a rating of 2 passes
      coherence: ['4', '3'],
      fluency: ['5 (out of 5)', '4'],
      relevance: ['  Rating: 4 out of 5  ', '3'], // "4" is listed before "5"
      groundedness: ['2', '1'],
    };
    return ratings[judge]![good ? 0 : 1];
  }
  const system = c.messages.find((m) => m.role === 'system')?.content ?? '';
  const candidate = system.endsWith(EDIT);
  let m: RegExpExecArray | null;
  if ((m = /^Say exactly: ([\s\S]*)$/.exec(user))) return candidate ? m[1]! : 'nothing';
  if (/hello world/.test(user)) return candidate ? '  Hello there!  \n' : 'Hi.';
  if (/goodbye world/.test(user)) return 'Goodbye, friend.';
  if (/photosynthesis/i.test(user)) return candidate ? 'Plants turn light, water and CO2 into sugar and oxygen.' : 'Photosynthesis.';
  if ((m = /^Describe a (\w+) in detail\.$/.exec(user))) {
    return candidate || m[1] !== 'elephant' ? JSON.stringify({ name: m[1], habitat: 'land', diet: 'omnivore' }) : JSON.stringify({ name: m[1] });
  }
  if (/Provide a summary of/.test(user)) return candidate ? '{"title": "T", "description": "D", "key_points": []}' : 'No JSON here.';
  throw new Error(`unexpected call: ${user.slice(0, 80)}`);
}

/** The same file at the head: every system message with EDIT appended. */
const edited = (text: string) => text.replace(/^(\s+- role: system\n\s+content: )(.*)$/gm, (_, lead: string, content: string) => `${lead}${content}${EDIT}`);

const STRINGS = `name: String rules
model: openai/gpt-4o-mini
messages:
  - role: system
    content: Repeat what you are told.
  - role: user
    content: "Say exactly: {{reply}}"
testData:
  - { reply: "  Paris  ", expected: "Paris", c: "ari", s: "par", e: "RIS" }
  - { reply: "Paris", expected: "paris", c: "ari", s: "par", e: "RIS" }
  - { reply: "PARIS", expected: "PARIS", c: "aRi", s: "pA", e: "is" }
  - { reply: "Paris ", expected: "Paris ", c: "ari", s: "par", e: "RIS" }
  - { reply: "Paris", expected: "Paris", c: "Lyon", s: "par", e: "RIS" }
evaluators:
  - { name: exact, string: { equals: "{{expected}}" } }
  - { name: mentions, string: { contains: "{{c}}" } }
  - { name: opens, string: { startsWith: "{{s}}" } }
  - { name: closes, string: { endsWith: "{{e}}" } }
`;

const JUDGES = `name: Judge rules
model: openai/gpt-4o-mini
messages:
  - role: system
    content: Repeat what you are told.
  - role: user
    content: "Say exactly: {{reply}}"
testData:
  - { reply: "fine", note: "Partly." }
  - { reply: "fine", note: "  NO... well, partly  " }
  - { reply: "fine", note: "no" }
  - { reply: "fine", note: "Unsure" }
  - { reply: "fine", note: "YES" }
evaluators:
  - name: verdict
    llm:
      modelId: openai/gpt-4o
      systemPrompt: You grade answers.
      prompt: "Grade this answer: {{completion}}\\nNote for the grader: {{note}}"
      choices:
        - { choice: "Yes", score: 1 }
        - { choice: "Partly", score: 0.3 }
        - { choice: "No", score: 0 }
`;

/** Repository path → the text at the base commit (the head edits every system message). */
const FILES: Record<string, string> = {
  'prompts/sample.prompt.yml': fixture('sample_prompt.yml'),
  'prompts/builtins.prompt.yml': fixture('test_builtins.yml'),
  'prompts/animals.prompt.yml': fixture('json_schema_prompt.yml'),
  'prompts/summary.prompt.yml': fixture('json_response_prompt.yml'),
  'prompts/strings.prompt.yml': STRINGS,
  'prompts/judges.prompt.yml': JUDGES,
};

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
const seen: FakeRequest[] = [];
const cleanup: (() => void)[] = [];

beforeAll(async () => {
  llm = await startFakeLlm({
    apiKey: KEY,
    responder: (req) => {
      seen.push(req);
      return { content: answer({ model: req.model, messages: req.messages }), latencyMs: 1 };
    },
  });
});
afterAll(async () => {
  await llm.close();
  for (const c of cleanup) c();
});

function repo(base: Record<string, string>, head: Record<string, string>): TempRepo {
  const r = new TempRepo();
  cleanup.push(() => r.cleanup());
  r.write(base).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(head).commit('head');
  return r;
}

/** A PATH with git and, when `ghScript` is given, a `gh` that runs it; nothing else. */
function pathWith(ghScript?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-bin-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(dir, 'git'));
  if (ghScript !== undefined) {
    writeFileSync(join(dir, 'gh'), `#!/bin/sh\n${ghScript}\n`);
    chmodSync(join(dir, 'gh'), 0o755);
  }
  return dir;
}

describe('zero-config: same file, same verdict as gh models eval', () => {
  let report: Report;
  let out: Awaited<ReturnType<typeof runBin>>;

  beforeAll(async () => {
    const r = repo(FILES, Object.fromEntries(Object.entries(FILES).map(([p, t]) => [p, edited(t)])));
    mkdirSync(join(r.dir, 'out'));
    out = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--base-url', llm.url, '--repeats', '2', '--no-cache', '--json', 'out/report.json'], {
      PROMPTGATE_API_KEY: KEY,
      OPENAI_API_KEY: 'sk-must-not-be-used',
    });
    report = ReportSchema.parse(JSON.parse(readFileSync(join(r.dir, 'out/report.json'), 'utf8')));
  }, 120_000);

  it('says which endpoint and which key it uses, never the key', () => {
    expect(out.stderr).toContain(`no promptgate.yml: zero-config mode`);
    expect(out.stderr).toContain(`calling ${llm.url} (--base-url) with the key in PROMPTGATE_API_KEY`);
    expect(out.stderr + out.stdout).not.toContain(KEY);
    expect(seen.every((q) => q.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('every row of every file passes or fails as gh models eval would, for both versions of the file', () => {
    expect(report.verdict, out.stdout + out.stderr).not.toBe('error');
    expect(report.suites.map((s) => s.prompt).sort()).toEqual(Object.keys(FILES).sort());
    let rows = 0;
    for (const [path, text] of Object.entries(FILES)) {
      const suite = report.suites.find((s) => s.prompt === path)!;
      const name = path.split('/').pop()!;
      for (const [variant, fileText] of [
        ['baseline', text],
        ['candidate', edited(text)],
      ] as const) {
        for (const row of ghEval(fileText, answer)) {
          const c = suite.cases.find((x) => x.id === `${name}#${row.row}`);
          expect(c, `${name}#${row.row}`).toBeDefined();
          expect(c![variant], `${name}#${row.row} ${variant}: ${row.details.join('; ')}`).toMatchObject({ passed: row.passed ? 2 : 0, runs: 2 });
          rows++;
        }
      }
    }
    expect(rows).toBe(2 * (2 + 1 + 3 + 2 + 5 + 5));
  });

  it('covers each rule: rating 2 passes, "Partly." (0.3) passes, first listed choice wins, no choice fails with the reply', () => {
    const candidate = (file: string, row: number) => report.suites.find((s) => s.prompt === `prompts/${file}`)!.cases.find((c) => c.id === `${file}#${row}`)!;
    // sample_prompt row 1: contains "hello" on a trimmed reply, similarity rated 2 → pass (0.25 > 0).
    expect(candidate('sample.prompt.yml', 1).candidate!.passed).toBe(2);
    expect(candidate('sample.prompt.yml', 1).baseline!.passed).toBe(0);
    // test_builtins: all five built-ins, groundedness rated 2 → pass; relevance "4 out of 5" → 4.
    expect(candidate('builtins.prompt.yml', 1).candidate!.passed).toBe(2);
    expect(candidate('judges.prompt.yml', 1).candidate!.passed).toBe(2);
    expect(candidate('judges.prompt.yml', 2).candidate!.passed).toBe(2);
    expect(candidate('judges.prompt.yml', 3).candidate!.passed).toBe(0);
    const unsure = candidate('judges.prompt.yml', 4);
    expect(unsure.candidate!.passed).toBe(0);
    expect(unsure.reasons?.candidate).toContain('judge replied "unsure", which matches none of the choices');
    expect(candidate('strings.prompt.yml', 1).candidate!.passed).toBe(2); // trimmed reply
    expect(candidate('strings.prompt.yml', 2).candidate!.passed).toBe(0); // equals is exact
    expect(candidate('strings.prompt.yml', 3).candidate!.passed).toBe(2); // the others ignore case
    expect(candidate('strings.prompt.yml', 4).candidate!.passed).toBe(0); // the value is not trimmed
    expect(candidate('strings.prompt.yml', 5).candidate!.passed).toBe(0);
  });

  it("sends the judges gh's built-in prompts and jsonSchema as gh sends it", () => {
    const judged = seen.filter((q) => judgeOf(q) === 'groundedness');
    expect(judged.length).toBeGreaterThan(0);
    expect(judged[0]!.model).toBe('openai/gpt-4o');
    expect(judged[0]!.messages[0]).toEqual({ role: 'system', content: builtins.groundedness!.systemPrompt });
    const animals = seen.find((q) => q.messages.some((m) => m.content.startsWith('Describe a')))!;
    const schema = JSON.parse(/jsonSchema: \|-\n([\s\S]*?)\nmessages:/.exec(fixture('json_schema_prompt.yml'))![1]!.replace(/^ {2}/gm, '')) as unknown;
    expect(animals.params.response_format).toEqual({ type: 'json_schema', json_schema: schema });
  });

  it('names rows file#row in the note', () => {
    // The note escapes "#" so GitHub does not link an issue: `strings.prompt.yml\#‍1`.
    expect(out.stdout).toMatch(/strings\.prompt\.yml\\?#\u200d?1 /);
    expect(out.stdout).not.toMatch(/\bc-[0-9a-f]{8}\b/);
  });
});

describe('zero-config CLI credentials', () => {
  const ONE = { 'prompts/a.prompt.yml': STRINGS };
  const changed = () => repo(ONE, { 'prompts/a.prompt.yml': edited(STRINGS) });
  const unchanged = () => repo(ONE, { 'README.md': 'docs only\n' });
  const run = (r: TempRepo, env: Record<string, string>, args: string[] = []) => runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--no-cache', ...args], env);

  it('uses GitHub Models with GITHUB_TOKEN, else GH_TOKEN, and says so without printing the token', async () => {
    const r = unchanged();
    const a = await run(r, { PATH: pathWith(), GITHUB_TOKEN: 'ghs_first_0123456789', GH_TOKEN: 'ghp_second_0123456789' });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('calling GitHub Models (https://models.github.ai/inference) with the token from GITHUB_TOKEN');
    const b = await run(r, { PATH: pathWith(), GH_TOKEN: 'ghp_second_0123456789' });
    expect(b.stderr).toContain('with the token from GH_TOKEN');
    expect(a.stderr + a.stdout + b.stderr + b.stdout).not.toMatch(/ghs_first|ghp_second/);
  });

  it('falls back to `gh auth token` when gh is installed', async () => {
    const a = await run(unchanged(), { PATH: pathWith('[ "$1 $2" = "auth token" ] && echo gho_from_gh_cli_0123456789') });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('with the token from the gh CLI (gh auth token)');
    expect(a.stderr + a.stdout).not.toContain('gho_from_gh_cli');
  });

  it('without any token: an error that speaks of what the user has, and only when a call is needed', async () => {
    const nothingToRun = await run(unchanged(), { PATH: pathWith() });
    expect(nothingToRun.code, nothingToRun.stderr).toBe(0);
    const noGh = await run(changed(), { PATH: pathWith(), OPENAI_API_KEY: 'sk-not-for-github-models' });
    expect(noGh.code).toBe(2);
    expect(noGh.stderr).toContain('no token for GitHub Models (https://models.github.ai/inference): GITHUB_TOKEN and GH_TOKEN are not set (the gh CLI is not installed)');
    expect(noGh.stderr).toContain('set GITHUB_TOKEN or GH_TOKEN');
    expect(noGh.stderr).toContain('`gh auth login`');
    expect(noGh.stderr).toContain('--base-url');
    expect(noGh.stderr).not.toMatch(/api_key_env|sk-not-for/);
    const loggedOut = await run(changed(), { PATH: pathWith('echo "no oauth token found" >&2; exit 1') });
    expect(loggedOut.code).toBe(2);
    expect(loggedOut.stderr).toContain('(`gh auth token` has none)');
  });

  it('--base-url without PROMPTGATE_API_KEY or OPENAI_API_KEY names both, and never sends the GitHub token elsewhere', async () => {
    const before = seen.length;
    const a = await run(changed(), { PATH: pathWith(), GITHUB_TOKEN: 'ghs_not_for_other_hosts_0123' }, ['--base-url', llm.url]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`no API key for ${llm.url} (--base-url): neither PROMPTGATE_API_KEY nor OPENAI_API_KEY is set`);
    expect(seen.length).toBe(before);
    const b = await run(changed(), { PATH: pathWith(), OPENAI_API_KEY: KEY }, ['--base-url', llm.url, '--repeats', '1']);
    expect(b.code, b.stderr).not.toBe(2);
    expect(b.stderr).toContain('with the key in OPENAI_API_KEY');
  });
});

describe('zero-config discovery and row checks', () => {
  it('ignores Copilot .prompt.md files, in .github/prompts and anywhere else', async () => {
    const r = repo({ '.github/prompts/fix.prompt.md': 'Fix {{it}}.\n', 'docs/ask.prompt.md': 'Ask.\n' }, { '.github/prompts/fix.prompt.md': 'Fix {{it}} now.\n', 'docs/ask.prompt.md': 'Ask now.\n' });
    const out = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--base-url', llm.url], { PROMPTGATE_API_KEY: KEY });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/skipped|No prompt changes/);
  });

  it('a built-in whose variable some rows lack: one error naming the evaluator, the variable and the rows, before any call', async () => {
    const rows = ['{ expected: a }', '{ expected: b }', '{ expected: c }', '{ input: q, expected: d }', '{ expected: e }'];
    const text = `messages:\n  - role: system\n    content: Answer.\n  - role: user\n    content: "{{expected}}"\ntestData:\n${rows.map((x) => `  - ${x}`).join('\n')}\nevaluators:\n  - { name: close enough, uses: github/similarity }\n`;
    const r = repo({ 'summarise.prompt.yml': text }, { 'summarise.prompt.yml': edited(text) });
    const before = seen.length;
    const out = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--base-url', llm.url], { PROMPTGATE_API_KEY: KEY });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('summarise.prompt.yml: evaluator "close enough" needs the variable "input" ({{input}}), which testData rows 1–3, 5 of summarise.prompt.yml lack');
    expect(seen.length).toBe(before);
  });
});
