import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { z } from 'zod';
import { describe, type StopSignals } from './action/shell.js';
import { secrets } from './redact.js';

/**
 * The Action: a dispatcher over its three paths (docs/action.md, "Events"), each loaded only for its events:
 *
 * - reviews — `pull_request`, `pull_request_target`, `merge_group`, a push to another branch than the default one,
 *   a `workflow_dispatch` that names a `base` to compare with: src/action/pull-request.ts;
 * - commands — `issue_comment` (`/promptgate rerun | accept | help` on a PR): src/action/commands.ts;
 * - monitoring — `schedule`, a push to the default branch, a `workflow_dispatch` without a `base`:
 *   src/monitor-action.ts.
 *
 * Every secret registered anywhere in the run is masked in the log (src/redact.ts; docs/security.md).
 */
export async function run(opts: StopSignals = {}): Promise<void> {
  secrets.onAdd((value) => core.setSecret(value));
  try {
    const path = await pathFor(process.env.GITHUB_EVENT_NAME ?? '', process.env.GITHUB_EVENT_PATH);
    if (path === 'monitor') return await (await import('./monitor-action.js')).runMonitorAction(opts);
    if (path === 'command') return await (await import('./action/commands.js')).runCommand(opts);
    return await (await import('./action/pull-request.js')).runReviewEvent(opts);
  } catch (err) {
    // The review path reports its own failures (note, check, outputs); this is for the paths that fail before.
    core.setFailed(`promptgate: ${describe(err)}`);
  }
}

export type ActionPath = 'review' | 'command' | 'monitor';

// Only the fields that choose the path; each path parses the whole event itself.
const RoutingPayload = z.object({
  ref: z.string().optional(),
  repository: z.object({ default_branch: z.string().optional() }).loose().optional(),
  inputs: z.record(z.string(), z.unknown()).nullish(),
});

/** Which path an event takes. An unreadable payload goes to the review path, which says what is wrong with it. */
export async function pathFor(eventName: string, eventPath: string | undefined): Promise<ActionPath> {
  if (eventName === 'schedule') return 'monitor';
  if (eventName === 'issue_comment') return 'command';
  if (eventName !== 'push' && eventName !== 'workflow_dispatch') return 'review';
  let payload: z.infer<typeof RoutingPayload>;
  try {
    payload = RoutingPayload.parse(JSON.parse(await readFile(eventPath ?? '', 'utf8')));
  } catch {
    return 'review';
  }
  if (eventName === 'workflow_dispatch') {
    const base = payload.inputs?.base;
    return base === undefined || base === null || base === '' ? 'monitor' : 'review';
  }
  const defaultBranch = payload.repository?.default_branch;
  return defaultBranch !== undefined && payload.ref === `refs/heads/${defaultBranch}` ? 'monitor' : 'review';
}
