import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { z } from 'zod';
import { describe, ensureCommits, info, progressLogger, readEventPayload, readInputs, registerSecrets, setOutputs, warn, workspace, type StopSignals } from './action/shell.js';
import { readFileAt } from './changes/git.js';
import { findConfig } from './config/load.js';
import { PromptgateError } from './errors.js';
import { makeOctokit } from './github/client.js';
import { reportDrift, reportRecovery, type DriftOutcome } from './github/issues.js';
import { restoreResponseCache, saveResponseCache } from './github/response-cache.js';
import { monitor, type MonitorOutput, type MonitorSuite } from './monitor.js';
import { secrets } from './redact.js';
import { renderChangeNote, writeJsonReport } from './report/index.js';
import type { Report } from './report/schema.js';

const GITHUB_MODELS = { baseUrl: 'https://models.github.ai/inference', model: 'openai/gpt-4o-mini' };
const SUMMARY_LIMIT = 300_000;
const ISSUE_NOTE_LIMIT = 60_000;
const Sha = z.string().regex(/^[0-9a-f]{40}$/i, 'expected a 40-character commit sha');

// Only the fields the monitor reads; GitHub sends many more.
const Payload = z.object({
  /** push: the pushed commit. */
  after: Sha.optional(),
  repository: z
    .object({ full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/) })
    .loose()
    .optional(),
  /** workflow_dispatch: `rebaseline: true` accepts today's behaviour as the new reference. */
  inputs: z.record(z.string(), z.unknown()).nullish(),
});

/**
 * The Action on `schedule`, `workflow_dispatch` and `push` to the default branch (docs/monitor.md): restore the
 * response cache, run the monitor on the checkout, save the cache — under the key a pull request against this
 * commit restores first, so its baseline samples are warm — then, per suite, open or update the drift issue, or
 * close it when the suite recovered. A suite without a reference gets a job-summary line, never an issue.
 * Everything written passes through the secrets registry (docs/security.md).
 */
export async function runMonitorAction(opts: StopSignals = {}): Promise<void> {
  const env = process.env;
  registerSecrets(env);
  const inputs = readInputs();
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const parsed = Payload.safeParse(await readEventPayload(env.GITHUB_EVENT_PATH));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PromptgateError(`the ${eventName} event payload is not what GitHub sends: ${issue.path.join('.') || '(the payload)'}: ${issue.message}`, {
      file: 'GITHUB_EVENT_PATH',
      hint: `promptgate reads the event from the file GITHUB_EVENT_PATH names; when testing locally, save a real ${eventName} payload there`,
    });
  }
  const payload = parsed.data;
  const [owner, repo] = (payload.repository?.full_name ?? env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new PromptgateError('cannot tell which repository this run is for (GITHUB_REPOSITORY is not set)', { hint: 'run promptgate as a step of a GitHub Actions workflow' });
  const headSha = Sha.safeParse(eventName === 'push' ? payload.after : env.GITHUB_SHA);
  if (!headSha.success)
    throw new PromptgateError(`no commit to monitor: ${eventName === 'push' ? 'the push event has no `after` sha' : 'GITHUB_SHA is not set to a commit sha'}`, {
      hint: 'run promptgate as a step of a GitHub Actions workflow',
    });
  const sha = headSha.data;
  const rebaseline = eventName === 'workflow_dispatch' && ['true', true].includes(payload.inputs?.rebaseline as string | boolean);

  const repoDir = workspace();
  await ensureCommits(repoDir, [sha]);
  const found = await findConfig((path) => readFileAt(repoDir, sha, path), inputs.config);
  registerSecrets(env, found.config);
  const cacheDir = found.config?.run.cache_dir ?? '.promptgate/cache';
  // Restored by this commit's prefix first, then any: entries are content-addressed, so an older commit's answers
  // are the reference for every prompt it shares with this one.
  const cacheKey = await restoreResponseCache(repoDir, cacheDir, sha, inputs.config, { info, warn });

  let out: MonitorOutput | null = null;
  let failure: string | null = null;
  try {
    out = await monitor({
      repoDir,
      ref: sha,
      configPath: inputs.config,
      rebaseline,
      overrides: { repeats: inputs.repeats, concurrency: inputs.concurrency, budgetUsd: inputs['budget-usd'], baseUrl: inputs['base-url'], apiKey: inputs['api-key'] },
      env,
      zeroConfigProvider: { ...GITHUB_MODELS, apiKey: inputs['github-token'] },
      log: info,
      onProgress: progressLogger(),
      signal: opts.signal,
      forceStop: opts.forceStop,
    });
  } catch (err) {
    failure = describe(err);
    core.error(failure);
  }
  // The cache first: what was paid for is kept even if GitHub refuses what follows.
  if (cacheKey) await saveResponseCache(repoDir, cacheDir, cacheKey, { info });
  if (!out) {
    await summary(`## 🛑 promptgate monitor: error\n\n${failure}\n`);
    setOutputs({ verdict: 'error' });
    core.setFailed(`promptgate: ${failure}`);
    return;
  }

  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  const octokit = makeOctokit(inputs['github-token'], { baseUrl: env.GITHUB_API_URL, log: info });
  const lines: string[] = [];
  const drifting: string[] = [];
  let issueFailure: string | null = null;
  for (const s of out.suites) {
    const where = { owner, repo, suite: s.name };
    const versions = versionLine(s);
    if (s.compared === 0) {
      lines.push(`- ⏭️ **${s.name}**: ${rebaseline ? 're-baselined on request' : 'no reference yet (new suite, changed prompt or evicted cache)'}: this run is the reference; no issue.`);
      continue;
    }
    try {
      if (s.verdict === 'fail') {
        drifting.push(s.name);
        const note = suiteNote(out.report, s.name);
        const lead = `**Drift** in \`${s.name}\`: the prompts at ${sha.slice(0, 7)} answer worse now than their reference samples${runUrl ? ` ([run](${runUrl}))` : ''}.\n\n${versions}`;
        const result = await reportDrift(octokit, where, {
          body: secrets.redact(`${lead}\n\n${note}`),
          comment: secrets.redact(`Still drifting at ${sha.slice(0, 7)}${runUrl ? ` ([run](${runUrl}))` : ''}.\n\n${versions}\n\n${note}`),
        });
        lines.push(`- ❌ **${s.name}**: drift — ${issueLine(result)}. ${versions}`);
      } else if (s.verdict === 'pass') {
        const comment = secrets.redact(
          `**Recovered** at ${sha.slice(0, 7)}${runUrl ? ` ([run](${runUrl}))` : ''}: no drift from the reference any more. Closing.\n\n${versions}\n\n${suiteNote(out.report, s.name)}`,
        );
        const result = await reportRecovery(octokit, where, comment);
        lines.push(
          `- ✅ **${s.name}**: no drift (${s.compared} cases compared${s.rebaselined ? `, ${s.rebaselined} re-baselined` : ''})${result.action === 'closed' ? ` — ${issueLine(result)}` : ''}. ${versions}`,
        );
      } else {
        lines.push(`- **${s.name}**: ${s.verdict} (${s.compared} cases compared); any open drift issue stays open. ${versions}`);
      }
    } catch (err) {
      issueFailure ??= describe(err);
      warn(`Could not write the drift issue for ${s.name}: ${describe(err)}. Give the workflow \`issues: write\`.`);
      lines.push(`- **${s.name}**: ${s.verdict}; the drift issue could not be written (${describe(err)}).`);
    }
  }

  const reportPath = join(env.RUNNER_TEMP ?? repoDir, 'promptgate-monitor-report.json');
  try {
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(reportPath, writeJsonReport(out.report));
  } catch (err) {
    warn(`Could not write the JSON report to ${reportPath}: ${describe(err)}`);
  }
  const head = `## promptgate monitor at ${sha.slice(0, 7)}${eventName === 'push' ? ' (push: this run also warms the response cache for pull requests against it)' : ''}\n\n${lines.join('\n')}\n`;
  await summary(secrets.redact(`${head}\n${renderChangeNote(out.report, { target: 'summary', maxChars: SUMMARY_LIMIT - head.length - 10 })}`));
  setOutputs({ verdict: out.report.verdict, 'report-path': reportPath, drift: JSON.stringify(drifting) });
  if (out.report.verdict === 'error') core.setFailed(`promptgate monitor: error (see the job summary)`);
  else if (drifting.length) core.setFailed(`promptgate: drift in ${drifting.join(', ')}`);
  else if (issueFailure) core.setFailed(`promptgate: the drift issue could not be written: ${issueFailure}`);
}

function versionLine(s: MonitorSuite): string {
  const code = (list: string[]) => (list.length ? list.map((m) => `\`${m.replace(/`/g, "'")}\``).join(', ') : '(none)');
  const changed = s.models.reference.join() !== s.models.now.join();
  return `Model version the provider reported: reference ${code(s.models.reference)}, now ${code(s.models.now)}${changed ? ' (changed)' : ''}.`;
}

function issueLine(r: DriftOutcome): string {
  const n = r.issue ? `#${r.issue.number}` : 'the issue';
  const dupes = r.duplicatesClosed.length ? ` (closed duplicate ${r.duplicatesClosed.map((d) => `#${d}`).join(', ')})` : '';
  return `${r.action === 'opened' ? `opened ${n}` : r.action === 'commented' ? `commented on ${n}` : r.action === 'closed' ? `closed ${n}` : 'no issue'}${dupes}`;
}

/** One suite's part of the note (Eval result, Tradeoffs, By tag, Flipped cases, Gate) and its own notes. */
function suiteNote(report: Report, name: string): string {
  const suite = report.suites.find((s) => s.name === name);
  const notes = (report.notes ?? []).filter((n) => n.startsWith(`${name}: `) || !report.suites.some((s) => n.startsWith(`${s.name}: `)));
  const one: Report = { ...report, verdict: suite?.verdict ?? report.verdict, suites: suite ? [suite] : [], notes };
  return renderChangeNote(one, { target: 'comment', maxChars: ISSUE_NOTE_LIMIT });
}

async function summary(text: string): Promise<void> {
  try {
    await core.summary.addRaw(text).write();
  } catch (err) {
    core.summary.emptyBuffer();
    warn(`Could not write the job summary: ${describe(err)}`);
  }
}
