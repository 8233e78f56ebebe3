import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/** `llm_rubric` end to end: a grader model, called through the same endpoint and cached like any sample. */

function model(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  if (text.includes('<rubric>')) {
    // The grader: polite answers are "good".
    return { content: /please/i.test(/<(output-[0-9a-f]{16})>([\s\S]*)<\/\1>/.exec(text)?.[2] ?? '') ? 'good' : 'bad' };
  }
  return { content: /be polite/.test(text) ? 'Yes please, right away.' : 'Do it yourself.' };
}

describe('llm_rubric', () => {
  it('grades with the grader model, and a second run pays for neither samples nor grades', async () => {
    const server = await startFakeLlm({ responder: model, apiKey: 'k' });
    const repo = new TempRepo();
    repo
      .write({
        'promptgate.yml': `version: 1
suites:
  - name: tone
    prompt: p.txt
    cases: c.yaml
    assert:
      - { type: llm_rubric, value: "The reply is polite.", model: grader-model, choices: [{ choice: good, score: 1 }, { choice: bad, score: 0 }] }
    repeats: 1
`,
        'p.txt': 'Answer: {{q}}',
        'c.yaml': Array.from({ length: 20 }, (_, i) => `- { id: q${i}, vars: { q: "request ${i}" } }`).join('\n') + '\n',
      })
      .commit('base');
    repo.write({ 'p.txt': 'Answer, and be polite: {{q}}' }).commit('head');
    const run = async () => {
      let out = '';
      let err = '';
      const io: CliIo = { cwd: repo.dir, env: { OPENAI_API_KEY: 'k' }, stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false };
      const code = await runCli(['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json', '-q'], io);
      return { code, out, err };
    };
    const first = await run();
    expect(first.code, first.err).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(report.suites[0]!.pass_rate).toMatchObject({ baseline: 0, candidate: 1 });
    const requests = server.stats().completions;
    // 40 samples, plus grades: identical outputs share one cached grade (content-addressed), so at most 40.
    expect(requests).toBeGreaterThanOrEqual(42);
    expect(requests).toBeLessThanOrEqual(80);
    expect((await run()).code).toBe(0);
    expect(server.stats().completions).toBe(requests);
    await server.close();
    repo.cleanup();
  });
});
