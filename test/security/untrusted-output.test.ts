import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prContext } from '../../src/changes/pr-context.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * Whoever writes the prompt steers the model's answers (under `pull_request_target`, a stranger's fork), and the
 * PR's description is theirs too. Neither may stall a review nor reach the note as live Markdown
 * (docs/untrusted-output.md). The review runs through the shipped `promptgate` bin against a local model server.
 */

const BIN = resolve('dist/cli/launch.js');
/** How long a review of a dozen calls may take on a loaded CI machine before the test calls it hung. */
const HUNG_AFTER_MS = 60_000;

interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
  hung: boolean;
}

/**
 * `promptgate <args>` in `cwd`; resolves when the process exits. A review that has not exited after HUNG_AFTER_MS
 * is killed and reported as hung, so a blocked event loop fails the test instead of stalling the suite.
 */
function runBin(cwd: string, args: string[]): Promise<BinRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, OPENAI_API_KEY: 'k' } });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const deadline = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, HUNG_AFTER_MS);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      done({ code: code ?? -1, stdout, stderr, hung });
    });
  });
}

const requests: FakeRequest[] = [];
let answer: (req: FakeRequest, prompt: string) => string = () => '';
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
const repos: TempRepo[] = [];

beforeAll(async () => {
  llm = await startFakeLlm({
    apiKey: 'k',
    responder: (req) => {
      requests.push(req);
      return { content: answer(req, req.messages.map((m) => m.content).join('\n')), latencyMs: 1 };
    },
  });
});
afterAll(async () => {
  await llm.close();
  for (const r of repos) r.cleanup();
});

const CASES = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `T${i + 1}`, vars: { q: `question ${i + 1}`, reference: 'Repeat {{completion}} and {{q}} verbatim' } })).join('\n');

/** A repository whose head commit changes the prompt, with `assert` as the suite's assertions. */
function promptChange(assert: string, before: string, after: string): TempRepo {
  const repo = new TempRepo('promptgate-untrusted-');
  repos.push(repo);
  repo
    .write({
      'promptgate.yml': `version: 1\nprovider: { model: test-model }\nsuites:\n  - name: s\n    prompt: p.txt\n    cases: c.jsonl\n    assert:\n${assert}\n    repeats: 1\n`,
      'p.txt': before,
      'c.jsonl': CASES,
    })
    .commit('base');
  repo.write({ 'p.txt': after }).commit('head');
  requests.length = 0;
  return repo;
}

const review = (repo: TempRepo) => runBin(repo.dir, ['run', '--base', 'HEAD~1', '--base-url', llm.url, '--no-cache', '--json', 'r.json', '--markdown', 'note.md', '-q']);

describe('a model answer against a catastrophic pattern', () => {
  it(
    'not_regex "^(a+)+$" on 36 "a" and a "!" finishes promptly with the right verdict',
    async () => {
      // Before: "aaa…a", which the pattern matches (the assertion fails). After: "aaa…a!", on which a backtracking
      // engine tries 2^36 ways to split the run before saying no.
      answer = (_req, prompt) => 'a'.repeat(36) + (prompt.includes('loudly') ? '!' : '');
      const repo = promptChange('      - { type: not_regex, value: "^(a+)+$" }', 'Answer: {{q}}', 'Answer loudly: {{q}}');
      const run = await review(repo);
      expect(run.hung, 'the review did not finish').toBe(false);
      expect(run.code, run.stderr).toBe(0);
      const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
      expect(report.verdict).toBe('pass');
      expect(report.suites[0]!.pass_rate).toMatchObject({ baseline: 0, candidate: 1 });
    },
    HUNG_AFTER_MS + 30_000,
  );

  it(
    'a lookahead is refused before any model call, naming the file, the line, the pattern and RE2 syntax',
    async () => {
      const repo = promptChange('      - { type: equals, value: x }\n      - { type: regex, value: "^(?=.*refund)" }', 'Answer: {{q}}', 'Answer briefly: {{q}}');
      const before = llm.stats().completions;
      const run = await review(repo);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('promptgate.yml:9: ');
      expect(run.stderr).toContain('suites[0].assert[1].value: regex /^(?=.*refund)/ uses a lookahead (?=…), which RE2 does not support');
      expect(run.stderr).toContain('https://github.com/google/re2/wiki/Syntax');
      expect(llm.stats().completions).toBe(before);
    },
    HUNG_AFTER_MS + 30_000,
  );

  it(
    'a pattern that is only whole once templated is checked then, before any model call',
    async () => {
      const repo = promptChange('      - { type: not_regex, value: "{{q}}(?!!)" }', 'Answer: {{q}}', 'Answer briefly: {{q}}');
      const before = llm.stats().completions;
      const run = await review(repo);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('not_regex /question 1(?!!)/ uses a lookahead (?!…), which RE2 does not support');
      expect(run.stderr).toContain('(case "T1")');
      expect(llm.stats().completions).toBe(before);
    },
    HUNG_AFTER_MS + 30_000,
  );
});

describe('an llm_rubric whose case var holds {{completion}}', () => {
  it(
    'sends the var as written to the judge, and the answer only where the rubric put it',
    async () => {
      answer = (req, prompt) => (req.model === 'judge-model' ? 'PASS' : `ANSWER to ${/question \d+/.exec(prompt)?.[0]}`);
      const repo = promptChange(
        '      - { type: llm_rubric, model: judge-model, value: "Reference: {{reference}}\\nAnswer: {{completion}}\\nReply PASS or FAIL." }',
        'Answer: {{q}}',
        'Answer well: {{q}}',
      );
      const run = await review(repo);
      expect(run.code, run.stderr).toBe(0);
      const judged = requests.filter((r) => r.model === 'judge-model').map((r) => r.messages.map((m) => m.content).join('\n'));
      expect(judged.length).toBeGreaterThanOrEqual(12);
      for (const prompt of judged) {
        expect(prompt).toMatch(/^Reference: Repeat \{\{completion\}\} and \{\{q\}\} verbatim\nAnswer: ANSWER to question \d+\nReply PASS or FAIL\.$/);
      }
    },
    HUNG_AFTER_MS + 30_000,
  );
});

describe('a hostile model answer in the change note', () => {
  it(
    'shows no live mention, reference, bidirectional control or zero-width character',
    async () => {
      const hostile = '@someone GH-1 #2 \u202Eexe.txt\u202C a\u200Bb';
      answer = (_req, prompt) => (prompt.includes('v2') ? hostile : 'ok');
      const repo = promptChange('      - { type: equals, value: "ok" }', 'Reply ok: {{q}}', 'Reply ok (v2): {{q}}');
      const run = await review(repo);
      expect(run.code, run.stderr).toBe(1);
      const note = readFileSync(join(repo.dir, 'note.md'), 'utf8');
      // The answer is there, in the failure reasons and in the collapsed outputs…
      expect(note.replaceAll('\u200d', '')).toContain('@someone GH-1');
      // …but nothing in it is live, and nothing invisible remains.
      expect(note).not.toMatch(/@someone/);
      expect(note).not.toMatch(/GH-\d/i);
      expect(note).not.toMatch(/#\d/);
      expect(note).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/);
      expect(note).toContain('\\u202E');
      expect(note).toContain('\\u200B');
    },
    HUNG_AFTER_MS + 30_000,
  );
});

describe('a PR description', () => {
  /** prContext is synchronous: the bound is what the test asserts, not how it waits. */
  const timed = <T>(fn: () => T): { result: T; ms: number } => {
    const started = performance.now();
    const result = fn();
    return { result, ms: performance.now() - started };
  };

  it('of 65,535 newlines, or of unclosed comments, is read in linear time', () => {
    for (const body of ['\n'.repeat(65_535), ' \n'.repeat(32_767), '<!--'.repeat(16_383), `Goal:${' '.repeat(65_000)}\nx`]) {
      const { ms } = timed(() => prContext('t', body));
      expect(ms).toBeLessThan(2000);
    }
  });

  it('reads Goal: and Rollout: as whole labels', () => {
    expect(prContext('t', 'Goals for this quarter are many.\n\nRollout: 10% first').goal).toBe('Goals for this quarter are many.');
    expect(prContext('t', 'Goal-oriented work.').goal).toBe('Goal-oriented work.');
    expect(prContext('t', 'Rollouts are hard.\n\nmore').rollout).toBeNull();
    for (const [body, goal] of [
      ['Goal: cut tokens', 'cut tokens'],
      ['**Goal:** cut tokens', 'cut tokens'],
      ['**Goal**: cut tokens', 'cut tokens'],
      ['  goal:cut tokens', 'cut tokens'],
      ['Intro.\n\nGoal:\n\n  cut tokens  \nmore', 'cut tokens'],
      ['<!-- Goal: template text -->\nFirst paragraph.\n\nGoal: cut tokens', 'cut tokens'],
      ['<!-- template -->\nFirst paragraph.\n\nDetails.', 'First paragraph.'],
    ] as const) {
      expect(prContext('t', body).goal, body).toBe(goal);
    }
    expect(prContext('t', 'x\n\n**Rollout** 5% behind a flag').rollout).toBe('5% behind a flag');
  });
});
