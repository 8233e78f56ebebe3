import { afterEach, describe, expect, it } from 'vitest';
import { changedFilesBetween, listFilesAt, readFileAt, resolveRev } from '../../src/changes/git.js';
import { findConfig } from '../../src/config/load.js';
import { planSuites, type Side } from '../../src/plan/suites.js';
import { TempRepo } from '../support/git-repo.js';

/** Which suites a change triggers (docs/contract.md §1), read from real git history. */

const CASES = '{"id":"a","vars":{"q":"1"},"expected":"x"}\n{"id":"b","vars":{"q":"2"},"expected":"y"}\n';
const config = (model = 'gpt-4o-mini', extra = '') => `version: 1
provider: { model: ${model}, params: { temperature: 0.7 } }
suites:
  - name: s
    prompt: prompts/*.txt
    cases: evals/c.jsonl
    assert: [{ type: equals, value: "{{expected}}" }]
${extra}`;

async function side(repo: TempRepo, rev: string): Promise<Side> {
  const sha = await resolveRev(repo.dir, rev);
  const read = (p: string) => readFileAt(repo.dir, sha, p);
  const { config, configFile } = await findConfig(read);
  return { sha, config, configFile, files: await listFilesAt(repo.dir, sha), read };
}

async function plan(repo: TempRepo, trusted: 'base' | 'head' = 'head') {
  const [base, head] = [await side(repo, 'HEAD~1'), await side(repo, 'HEAD')];
  return planSuites({
    base,
    head,
    trusted,
    changed: await changedFilesBetween(repo.dir, base.sha, head.sha),
    settings: { env: {}, configFile: null, overrides: {}, zeroConfig: trusted === 'head' && !head.config ? { baseUrl: 'https://models.github.ai/inference', model: 'openai/gpt-4o-mini' } : undefined },
  });
}

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('planSuites', () => {
  it('a modified prompt runs baseline (base text) and candidate (head text) on the head cases', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/a.txt': 'old {{q}}', 'prompts/b.txt': 'same {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo.write({ 'prompts/a.txt': 'new {{q}}' }).commit('head');
    const [s, ...rest] = await plan(repo);
    expect(rest).toEqual([]); // b.txt did not change
    // A glob that matches several prompt files names each run by its file, whichever of them changed.
    expect(s).toMatchObject({ name: 's (prompts/a.txt)', prompt: 'prompts/a.txt', change: 'modified', repeats: 3 });
    expect(s!.baseline!.text).toBe('old {{q}}');
    expect(s!.candidate!.text).toBe('new {{q}}');
    expect(s!.cases.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('follows a rename: the baseline is read from the old path', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/old.txt': 'a long enough prompt text {{q}}\nwith two lines', 'evals/c.jsonl': CASES }).commit('base');
    repo.move('prompts/old.txt', 'prompts/new.txt').write({ 'prompts/new.txt': 'a long enough prompt text {{q}}\nwith two lines!' }).commit('head');
    const [s] = await plan(repo);
    expect(s).toMatchObject({ prompt: 'prompts/new.txt', previousPath: 'prompts/old.txt', change: 'renamed' });
    expect(s!.baseline!.path).toBe('prompts/old.txt');
  });

  it('an added prompt runs the candidate only; a deleted one is noted', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/gone.txt': 'g {{q}}', 'prompts/kept.txt': 'k {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo.write({ 'prompts/fresh.txt': 'f {{q}}' }).commit('head');
    const added = (await plan(repo)).find((s) => s.prompt === 'prompts/fresh.txt')!;
    expect(added).toMatchObject({ change: 'added', baseline: null });
    expect(added.candidate).not.toBeNull();
    repo.remove('prompts/gone.txt').commit('delete');
    const deleted = (await plan(repo)).find((s) => s.prompt === 'prompts/gone.txt')!;
    expect(deleted).toMatchObject({ change: 'deleted', baseline: null, candidate: null });
    expect(deleted.message).toContain('deleted');
  });

  it("a suite's one deleted and one added prompt are a move, compared as a rename however different the texts", async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/gone.txt': 'the original prompt {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo.remove('prompts/gone.txt').write({ 'prompts/fresh.txt': 'something else entirely {{q}}' }).commit('head');
    const suites = await plan(repo);
    expect(suites).toHaveLength(1);
    expect(suites[0]).toMatchObject({ prompt: 'prompts/fresh.txt', previousPath: 'prompts/gone.txt', change: 'renamed' });
    expect(suites[0]!.baseline!.path).toBe('prompts/gone.txt');
  });

  it('a model upgrade in promptgate.yml is a change: baseline on base settings, candidate on head settings', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config('gpt-4o-mini'), 'prompts/a.txt': 'p {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo.write({ 'promptgate.yml': config('gpt-4.1-mini') }).commit('head');
    const [s] = await plan(repo);
    expect(s!.change).toBe('settings');
    expect(s!.baseline!.settings.model).toBe('gpt-4o-mini');
    expect(s!.candidate!.settings.model).toBe('gpt-4.1-mini');
  });

  it('a change to the cases only gives the absolute pass rate (candidate only)', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/a.txt': 'p {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo.write({ 'evals/c.jsonl': CASES + '{"id":"c","vars":{"q":"3"},"expected":"z"}\n' }).commit('head');
    const [s] = await plan(repo);
    expect(s).toMatchObject({ change: 'cases_only', baseline: null });
    expect(s!.cases).toHaveLength(3);
  });

  it('nothing relevant changed → no suite', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/a.txt': 'p {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo.write({ 'README.md': 'hi' }).commit('head');
    expect(await plan(repo)).toEqual([]);
  });

  it('pull_request_target: config and cases from the base commit, prompt text from the head', async () => {
    repo = new TempRepo();
    repo.write({ 'promptgate.yml': config(), 'prompts/a.txt': 'old {{q}}', 'evals/c.jsonl': CASES }).commit('base');
    repo
      .write({
        'promptgate.yml': config('attacker-model'),
        'prompts/a.txt': 'new {{q}}',
        'evals/c.jsonl': '{"id":"evil","vars":{"q":"x"}}\n',
      })
      .commit('head');
    const [s] = await plan(repo, 'base');
    expect(s!.candidate!.text).toBe('new {{q}}');
    expect(s!.candidate!.settings.model).toBe('gpt-4o-mini');
    expect(s!.cases.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('zero-config: a changed GitHub Models prompt with testData is a suite on its own', async () => {
    repo = new TempRepo();
    const prompt = (sys: string) => `name: Greeter
model: openai/gpt-4o-mini
modelParameters: { temperature: 0.2 }
messages:
  - role: system
    content: ${sys}
  - role: user
    content: "Say hi to {{name}}"
testData:
  - { name: Ada, expected: "Hi Ada" }
  - { name: Bob, expected: "Hi Bob" }
evaluators:
  - name: greets
    string: { contains: "{{name}}" }
`;
    repo.write({ 'prompts/greet.prompt.yml': prompt('Be brief.'), 'prompts/nodata.prompt.yml': 'messages: [{role: user, content: hi}]\n' }).commit('base');
    repo.write({ 'prompts/greet.prompt.yml': prompt('Be very brief.'), 'prompts/nodata.prompt.yml': 'messages: [{role: user, content: hello}]\n' }).commit('head');
    const suites = await plan(repo);
    expect(suites).toHaveLength(1);
    expect(suites[0]).toMatchObject({ name: 'Greeter', prompt: 'prompts/greet.prompt.yml', change: 'modified' });
    expect(suites[0]!.cases).toHaveLength(2);
    expect(suites[0]!.assert[0]).toMatchObject({ type: 'contains', value: '{{name}}' });
    expect(suites[0]!.candidate!.settings).toMatchObject({ model: 'openai/gpt-4o-mini', baseURL: 'https://models.github.ai/inference' });
  });
});
