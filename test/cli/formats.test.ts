import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * Prompty, Dotprompt and promptfoo configs through the shipped bin against a local OpenAI-compatible server: the
 * rendered turns and the settings that reach the endpoint, and the verdicts that come back (docs/formats.md).
 */

const KEY = 'sk-test-key-0123456789';
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
const seen: FakeRequest[] = [];
const repos: TempRepo[] = [];

/** Answers by what the prompt holds, so base and head prompts grade differently. */
function answer(req: FakeRequest): string {
  const all = req.messages.map((m) => m.content).join('\n');
  if (/Label in one word/.test(all)) return 'bug';
  if (/Pirate|pirate/.test(all)) return /hungry/.test(all) ? 'Arr, I need grub!' : /JSON/.test(all) ? '{"story": "arr"}' : 'Ahoy, Yarr';
  if (/French/.test(all)) return /Hello/.test(all) ? 'Bonjour le monde' : "J'ai faim";
  if (/Spanish/.test(all)) return '¿DÓNDE ESTÁ LA BIBLIOTECA?';
  return 'a bug';
}

beforeAll(async () => {
  llm = await startFakeLlm({
    apiKey: KEY,
    responder: (req) => {
      seen.push(req);
      return { content: answer(req), latencyMs: 1 };
    },
  });
});
afterAll(async () => {
  await llm.close();
  for (const r of repos) r.cleanup();
});

const CASES = [1, 2, 3].map((i) => JSON.stringify({ id: `T${i}`, vars: { ticket: `ticket ${i}: it crashes` }, expected: 'bug' })).join('\n');
const CONFIG = (prompt: string) => `version: 1
provider:
  model: config-model
  base_url: \${LLM_URL}
  api_key_env: LLM_KEY
suites:
  - name: triage
    prompt: ${prompt}
    cases: evals/cases.jsonl
    assert: [{ type: equals, value: "{{expected}}" }]
    repeats: 2
run: { timeout_s: 5, max_retries: 1 }
`;

function repo(base: Record<string, string>, head: Record<string, string>): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  r.write(base).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(head).commit('head');
  return r;
}

const env = () => ({ LLM_URL: llm.url, LLM_KEY: KEY, OPENAI_API_KEY: KEY });
async function review(r: TempRepo, args: string[] = []): Promise<{ code: number; stderr: string; report: Report | null }> {
  const run = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--json', 'out/report.json', '--no-cache', '-q', ...args], env());
  let report: Report | null = null;
  try {
    report = ReportSchema.parse(JSON.parse(readFileSync(join(r.dir, 'out/report.json'), 'utf8')));
  } catch {
    report = null;
  }
  if (run.code !== 0) console.error(run.stdout, run.stderr);
  return { code: run.code, stderr: run.stderr, report };
}

const requestsFor = (pattern: RegExp) => seen.filter((q) => q.messages.some((m) => pattern.test(m.content)));

describe('Prompty', () => {
  it("renders the Jinja body into turns, sends the file's model and parameters, and gates the change", async () => {
    const prompty = (instruction: string) => `---
name: Triage
model:
  api: chat
  configuration: { type: openai, name: prompty-model }
  parameters: { temperature: 0.3, max_tokens: 12 }
sample:
  team: support
---
system:
${instruction} You work in {{ team | upper }}.
{% for ex in examples %}
user:
{{ ex.q }}
assistant:
{{ ex.a }}
{% endfor %}
user:
{{ ticket }}
`;
    const cases = [1, 2, 3].map((i) => JSON.stringify({ id: `T${i}`, vars: { ticket: `ticket ${i}: it crashes`, examples: [{ q: 'it is slow', a: 'perf' }] }, expected: 'bug' })).join('\n');
    const r = repo(
      { 'promptgate.yml': CONFIG('prompts/triage.prompty'), 'prompts/triage.prompty': prompty('Label the ticket.'), 'evals/cases.jsonl': cases },
      { 'prompts/triage.prompty': prompty('Label in one word.') },
    );
    const { code, report } = await review(r);
    expect(code).toBe(0);
    expect(report!.suites[0]!.pass_rate).toMatchObject({ baseline: 0, candidate: 1 });
    const sent = requestsFor(/Label in one word\. You work in SUPPORT\./)[0]!;
    expect(sent.model).toBe('prompty-model');
    expect(sent.params).toMatchObject({ temperature: 0.3, max_tokens: 12 });
    expect(sent.messages).toEqual([
      { role: 'system', content: 'Label in one word. You work in SUPPORT.' },
      { role: 'user', content: 'it is slow' },
      { role: 'assistant', content: 'perf' },
      { role: 'user', content: expect.stringMatching(/^ticket \d: it crashes$/) },
    ]);
  });
});

describe('Dotprompt', () => {
  it('renders the Handlebars body into {{role}} turns, maps config, and gates the change', async () => {
    const dotprompt = (instruction: string) => `---
model: dotprompt-model
config:
  temperature: 0.1
  maxOutputTokens: 9
input:
  schema:
    ticket: string
  default:
    product: the app
---
{{role "system"}}
${instruction} The product is {{product}}.
{{role "user"}}
{{ticket}}
`;
    const r = repo(
      { 'promptgate.yml': CONFIG('prompts/triage.prompt'), 'prompts/triage.prompt': dotprompt('Label the ticket.'), 'evals/cases.jsonl': CASES },
      { 'prompts/triage.prompt': dotprompt('Label in one word.') },
    );
    const { code, report } = await review(r);
    expect(code).toBe(0);
    expect(report!.suites[0]!.pass_rate).toMatchObject({ baseline: 0, candidate: 1 });
    const sent = requestsFor(/Label in one word\. The product is the app\./)[0]!;
    expect(sent.model).toBe('dotprompt-model');
    expect(sent.params).toMatchObject({ temperature: 0.1, max_tokens: 9 });
    expect(sent.messages).toEqual([
      { role: 'system', content: 'Label in one word. The product is the app.' },
      { role: 'user', content: expect.stringMatching(/^ticket \d: it crashes$/) },
    ]);
  });

  it('a missing variable stops the review before the first call, naming the case and the variable', async () => {
    const body = (s: string) => `---\nconfig: { temperature: 0 }\n---\n{{role "user"}}\n${s} {{customer}}\n`;
    const r = repo({ 'promptgate.yml': CONFIG('prompts/triage.prompt'), 'prompts/triage.prompt': body('Label'), 'evals/cases.jsonl': CASES }, { 'prompts/triage.prompt': body('Label it') });
    const before = seen.length;
    const run = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '-q'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('case "T1" has no variable "customer"');
    expect(seen.length).toBe(before);
  });
});

/** A repo whose base holds a promptfoo example and whose head edits `edit` (a prompt file of it). */
function promptfooRepo(example: string, edit: Record<string, string>): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  cpSync(resolve('test/fixtures/promptfoo', example), r.dir, { recursive: true });
  r.commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write(edit).commit('head');
  return r;
}

describe("promptfoo configs from promptfoo's examples, with --config", () => {
  it('getting-started (prompt files): every test in every prompt × provider suite, graded as promptfoo grades it', async () => {
    const r = promptfooRepo('getting-started-files', { 'prompt2.txt': 'Translate this text to {{language}}: {{input}}\n' });
    const { code, report } = await review(r, ['--config', 'promptfooconfig.yaml', '--base-url', llm.url]);
    expect(code).toBe(0);
    expect(report!.suites.map((s) => s.name).sort()).toEqual(['prompt2.txt @ gpt-4.1', 'prompt2.txt @ o4-mini']);
    for (const suite of report!.suites) {
      // contains "Bonjour le monde" passes; icontains "Dónde está la biblioteca" passes on an upper-case answer.
      expect(suite.cases.map((c) => [c.id, c.candidate?.passed, c.candidate?.runs])).toEqual([
        ['promptfooconfig.yaml#1', 3, 3],
        ['promptfooconfig.yaml#2', 3, 3],
      ]);
    }
    expect(
      requestsFor(/Translate this text to French: Hello world/)
        .map((q) => q.model)
        .sort(),
    ).toContain('o4-mini');
  });

  it('simple-csv: tests from a CSV file with __expected cells', async () => {
    const r = promptfooRepo('simple-csv', { 'prompt.txt': readFileSync(resolve('test/fixtures/promptfoo/simple-csv/prompt.txt'), 'utf8').replace('natural', 'natural, friendly') });
    const { code, report } = await review(r, ['--config', 'promptfooconfig.yaml', '--base-url', llm.url]);
    expect(code).toBe(0);
    const byVars = report!.suites[0]!.cases.map((c) => c.candidate?.passed);
    // French/Hello → "Bonjour le monde" (icontains bonjour ✓), French/hungry → "J'ai faim" ✓,
    // Pirate/Hello → "Ahoy, Yarr" (icontains Ahoy ✓), Pirate/hungry → "Arr, I need grub!" ✓.
    expect(byVars).toEqual([3, 3, 3, 3]);
  });

  it('simple-test: equals is exact, is-json parses the whole answer', async () => {
    // The llm-rubric test is left out here: its grade is the grader model's (see the rubric tests).
    const config = readFileSync(resolve('test/fixtures/promptfoo/simple-test/promptfooconfig.yaml'), 'utf8').replace(/\n {2}- description: Use LLM[\s\S]*?value: Is spoken like a pirate\n/, '\n');
    const r = promptfooRepo('simple-test', { 'prompt1.txt': 'Rephrase this from English to Pirate, please: {{body}}\n', 'promptfooconfig.yaml': config });
    const { code, report } = await review(r, ['--config', 'promptfooconfig.yaml', '--base-url', llm.url]);
    expect(code).toBe(0);
    const suite = report!.suites.find((s) => s.name === 'prompt1.txt')!;
    const cases = Object.fromEntries(suite.cases.map((c) => [c.id, c.candidate?.passed]));
    // "Ahoy, Yarr" does not equal "Yarr" (exact); "Arr, I need grub!" contains grub; '{"story": "arr"}' is JSON.
    expect(cases).toEqual({ 'Check for exact match': 0, 'Another basic substring check': 3, 'Check if output is JSON': 3 });
  });

  it('what promptgate cannot run is an error naming the key (the verbatim simple-test), never a skip', async () => {
    const r = promptfooRepo('getting-started', { 'promptfooconfig.yaml': readFileSync(resolve('test/fixtures/promptfoo/simple-test-verbatim.yaml'), 'utf8'), 'prompts.txt': 'x {{body}}' });
    const run = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--config', 'promptfooconfig.yaml', '--base-url', llm.url, '-q'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/promptfooconfig\.yaml:\d+: /);
    expect(run.stderr).toMatch(/\$ref|javascript|assertionTemplates/);
  });
});
