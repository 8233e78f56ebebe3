import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/** The Change section's +/- counts, from a real git history and a real review. */

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
beforeAll(async () => {
  llm = await startFakeLlm({ responder: () => ({ content: 'ok', latencyMs: 1 }) });
});
afterAll(() => llm.close());

it('counts changed lines that begin with "--" or "++" (a Markdown rule, front matter) like any other', async () => {
  const repo = new TempRepo();
  const config = `version: 1\nprovider: { model: m, base_url: "${llm.url}" }\nsuites: [{ name: s, prompt: p.md, cases: c.jsonl, assert: [{ type: contains, value: ok }], repeats: 1 }]\n`;
  repo.write({ 'promptgate.yml': config, 'p.md': 'Intro {{q}}\n---\n-- a list\nBody\n', 'c.jsonl': '{"id":"a","vars":{"q":"1"}}\n' }).commit('base');
  repo.write({ 'p.md': 'Intro {{q}}\n***\n++ a list\nBody\nMore\n' }).commit('head');
  let err = '';
  const code = await runCli(['run', '--base', 'HEAD~1', '--head', 'HEAD', '--json', 'r.json', '-q'], {
    cwd: repo.dir,
    env: { OPENAI_API_KEY: 'k' },
    stdout: () => {},
    stderr: (t) => void (err += t),
    isTTY: false,
  });
  expect(code, err).toBe(0);
  const detail = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8'))).suites[0]!.change_detail!;
  expect({ added: detail.lines_added, removed: detail.lines_removed }).toEqual({ added: 3, removed: 2 });
  repo.cleanup();
});
