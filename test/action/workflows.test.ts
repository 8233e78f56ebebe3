import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The example workflows are what users copy; the fork one runs a stranger's change with the repository's secrets,
 * so its promises are checked here: one label approves one commit.
 */

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, { if?: string; permissions?: Record<string, string>; steps: Step[] }>;
}

const load = (name: string) => parse(readFileSync(`examples/workflows/${name}`, 'utf8')) as Workflow;

describe('examples/workflows/fork-label.yml', () => {
  const wf = load('fork-label.yml');
  const job = wf.jobs.review!;

  it('runs only when the label is added, never on a later push from the fork', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request_target']);
    expect(wf.on.pull_request_target?.types).toEqual(['labeled']);
    expect(job.if).toBe("github.event.label.name == 'run-promptgate'");
  });

  it('removes the label before any step sees a secret, so the next commit needs the label again', () => {
    const usesSecrets = (s: Step) => JSON.stringify(s).includes('secrets.');
    const removal = job.steps.findIndex((s) => /--method DELETE "repos\/\$REPO\/issues\/\$PR\/labels\/run-promptgate"/.test(s.run ?? ''));
    expect(removal).toBe(0);
    expect(job.steps.findIndex(usesSecrets)).toBeGreaterThan(removal);
  });

  it('asks for the least it needs, and checks out the base commit only', () => {
    expect(wf.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', checks: 'write' });
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.ref).toBe('${{ github.event.pull_request.base.sha }}');
    // Event fields reach the shell through env, never spliced into the script.
    for (const s of job.steps) expect(s.run ?? '').not.toContain('${{');
  });
});

describe('examples/workflows/commands.yml', () => {
  const wf = load('commands.yml');
  const job = wf.jobs.command!;

  it('runs on new comments only, and only for /promptgate on a pull request', () => {
    expect(Object.keys(wf.on)).toEqual(['issue_comment']);
    expect(wf.on.issue_comment?.types).toEqual(['created']);
    expect(job.if).toContain('github.event.issue.pull_request');
    expect(job.if).toContain("startsWith(github.event.comment.body, '/promptgate')");
  });

  it('asks for the least it needs, and never checks out the PR head', () => {
    expect(wf.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write', checks: 'write' });
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout).toBeDefined();
    expect(JSON.stringify(checkout?.with ?? {})).not.toMatch(/head|pull|ref/);
    for (const s of job.steps) expect(s.run ?? '').not.toContain('${{');
  });
});
