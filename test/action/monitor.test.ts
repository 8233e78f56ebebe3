import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_LABEL, driftMarker } from '../../src/github/issues.js';
import { startFakeLlm, type FakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { prPayload, runAction } from '../support/action-runner.js';
import { startGithubStub, type GithubStub, type LoggedRequest } from '../support/github-stub.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * The Action's monitoring path through the shipped bundle (action.yml's `runs.main`), the GitHub stand-in and the
 * fake model server: scheduled runs open, update and close one drift issue per suite; two racing runs leave one
 * open issue; a push to the default branch warms the response cache for the pull requests against it.
 */

const CASES = Array.from({ length: 24 }, (_, i) => {
  const label = ['billing', 'bug', 'account'][i % 3]!;
  return JSON.stringify({ id: `C${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${label}` }, expected: label, tags: [label] });
}).join('\n');
const CONFIG = `version: 1
provider: { model: fake-model, api_key_env: LLM_KEY, params: { temperature: 0.5 } }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert: [{ type: equals, value: "{{expected}}", trim: true }]
    repeats: 2
gate:
  pass_rate: { max_drop: 0.1 }
run: { concurrency: 4, timeout_s: 10, max_retries: 1 }
`;

const provider = { behaviour: 'good' as 'good' | 'worse', version: 'fake-model-2024-05-13' };
function model(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
  const n = Number(/ticket (\d+)/.exec(text)?.[1] ?? 0);
  // The `model` field of each answer says which version "the provider" used (the way a provider swaps a model).
  return { content: provider.behaviour === 'worse' && n % 2 === 0 ? 'other' : label, model: provider.version };
}

let fake: FakeLlm;
let llmUrl = '';
beforeAll(async () => {
  fake = await startFakeLlm({ responder: model, apiKey: 'secret-key' });
  llmUrl = fake.url;
});
afterAll(async () => {
  await fake.close();
});

function repo(): { r: TempRepo; sha: string } {
  const r = new TempRepo();
  const sha = r.write({ '.gitignore': '.promptgate/\n', 'promptgate.yml': CONFIG, 'prompts/triage.txt': 'Classify in one word: {{ticket}}', 'evals/cases.jsonl': CASES }).commit('prompts');
  return { r, sha };
}

const scheduled = (cwd: string, stub: GithubStub, sha: string) =>
  runAction({
    cwd,
    apiUrl: stub.url,
    eventName: 'schedule',
    payload: { schedule: '0 6 * * *', repository: { full_name: 'acme/bot', default_branch: 'main' } },
    inputs: { 'api-key': 'secret-key', 'base-url': llmUrl },
    env: { GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main' },
  });

const driftIssues = (stub: GithubStub) => stub.state.issues.filter((i) => i.labels.includes(DRIFT_LABEL));
const commentsOn = (stub: GithubStub, n: number) => stub.state.comments.filter((c) => c.issue_number === n);

describe('the Action on schedule: drift issues', () => {
  it('opens one issue on drift, comments while it lasts, and comments and closes it on recovery', async () => {
    const { r, sha } = repo();
    const stub = await startGithubStub();
    provider.behaviour = 'good';
    provider.version = 'fake-model-2024-05-13';
    try {
      // The first run is the reference: a job summary line, no issue, never an alarm.
      let run = await scheduled(r.dir, stub, sha);
      expect(run.log).not.toMatch(/::error/);
      expect(run.code).toBe(0);
      expect(run.summary).toMatch(/triage\*\*: no reference yet/);
      expect(driftIssues(stub)).toHaveLength(0);

      // The provider swaps the model behind the name and half the cases fail: one issue with the note and versions.
      provider.behaviour = 'worse';
      provider.version = 'fake-model-2025-02-01';
      run = await scheduled(r.dir, stub, sha);
      expect(run.code).not.toBe(0);
      expect(run.outputs.drift).toBe('["triage"]');
      expect(driftIssues(stub)).toHaveLength(1);
      const issue = driftIssues(stub)[0]!;
      expect(issue).toMatchObject({ title: 'promptgate: drift in triage', state: 'open' });
      expect(issue.body!.startsWith(driftMarker('triage'))).toBe(true);
      expect(issue.body).toMatch(/reference `fake-model-2024-05-13`, now `fake-model-2025-02-01` \(changed\)/);
      for (const section of ['Eval result', 'Tradeoffs', 'By tag', 'Flipped cases']) expect(issue.body).toContain(section);
      expect(issue.body).not.toContain('secret-key');
      expect(run.summary).toMatch(new RegExp(`drift — opened #${issue.number}`));

      // Still worse: a comment on the same issue, no second one.
      run = await scheduled(r.dir, stub, sha);
      expect(run.code).not.toBe(0);
      expect(driftIssues(stub)).toHaveLength(1);
      expect(commentsOn(stub, issue.number)).toHaveLength(1);
      expect(commentsOn(stub, issue.number)[0]!.body).toMatch(/^Still drifting/);

      // Back to the reference's behaviour: a comment, and the issue is closed.
      provider.behaviour = 'good';
      run = await scheduled(r.dir, stub, sha);
      expect(run.log).not.toMatch(/::error/);
      expect(run.code).toBe(0);
      expect(driftIssues(stub)).toHaveLength(1);
      expect(driftIssues(stub)[0]!.state).toBe('closed');
      expect(commentsOn(stub, issue.number)).toHaveLength(2);
      expect(commentsOn(stub, issue.number)[1]!.body).toMatch(/^\*\*Recovered\*\*/);
      expect(stub.state.requests.filter((q) => q.rejected)).toEqual([]);
    } finally {
      await stub.close();
      r.cleanup();
    }
  });

  it('leaves one open issue when two runs race to open it', async () => {
    const { r, sha } = repo();
    // Both runs' "create issue" requests are held until both have arrived: each listed no open issue before.
    const held: (() => void)[] = [];
    const stub = await startGithubStub({
      beforeRespond: (q: LoggedRequest) =>
        q.method === 'POST' && q.path === '/repos/acme/bot/issues'
          ? new Promise<void>((release) => {
              held.push(release);
              if (held.length === 2) for (const h of held) h();
            })
          : undefined,
    });
    provider.behaviour = 'good';
    provider.version = 'v1';
    const second = mkdtempSync(join(tmpdir(), 'promptgate-runner2-'));
    try {
      expect((await scheduled(r.dir, stub, sha)).code).toBe(0);
      // Two runners, each with the checkout and the restored cache.
      cpSync(r.dir, second, { recursive: true });
      provider.behaviour = 'worse';
      provider.version = 'v2';
      const [a, b] = await Promise.all([scheduled(r.dir, stub, sha), scheduled(second, stub, sha)]);
      expect(a.outputs.drift).toBe('["triage"]');
      expect(b.outputs.drift).toBe('["triage"]');
      expect(stub.requestsTo('POST', '/repos/acme/bot/issues')).toHaveLength(2);
      const issues = driftIssues(stub);
      expect(issues).toHaveLength(2);
      const open = issues.filter((i) => i.state === 'open');
      expect(open).toHaveLength(1);
      const closed = issues.find((i) => i.state === 'closed')!;
      expect(open[0]!.number).toBeLessThan(closed.number);
      expect(commentsOn(stub, closed.number).some((c) => c.body.includes(`Duplicate of #${open[0]!.number}`))).toBe(true);
    } finally {
      await stub.close();
      r.cleanup();
      rmSync(second, { recursive: true, force: true });
    }
  });
});

describe('the Action on push to the default branch: warming the cache', () => {
  it('samples the pushed prompts, so a pull request against that commit pays only for its candidate', async () => {
    const { r, sha } = repo();
    const stub = await startGithubStub();
    provider.behaviour = 'good';
    provider.version = 'v1';
    try {
      let before = fake.stats().completions;
      const push = await runAction({
        cwd: r.dir,
        apiUrl: stub.url,
        eventName: 'push',
        payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: sha, repository: { full_name: 'acme/bot', default_branch: 'main' } },
        inputs: { 'api-key': 'secret-key', 'base-url': llmUrl },
        env: { GITHUB_SHA: sha },
      });
      expect(push.log).not.toMatch(/::error/);
      expect(push.code).toBe(0);
      expect(push.summary).toMatch(/warms the response cache/);
      expect(fake.stats().completions - before).toBe(48);

      r.git('checkout', '-q', '-b', 'feature');
      const head = r.write({ 'prompts/triage.txt': 'Classify in one word, lower case: {{ticket}}' }).commit('shorter answers');
      stub.state.files.push({ filename: 'prompts/triage.txt', status: 'modified' });
      before = fake.stats().completions;
      const pr = await runAction({
        cwd: r.dir,
        apiUrl: stub.url,
        eventName: 'pull_request',
        payload: prPayload({ base: sha, head }),
        inputs: { 'api-key': 'secret-key', 'base-url': llmUrl },
      });
      expect(pr.log).not.toMatch(/::error/);
      expect(pr.outputs.verdict).toBe('pass');
      // 24 cases × 2 repeats for the candidate; every baseline sample came from the push run.
      expect(fake.stats().completions - before).toBe(48);
      expect(JSON.parse(pr.reportText!).calls).toMatchObject({ total: 96, cached: 48 });
    } finally {
      await stub.close();
      r.cleanup();
    }
  });
});
