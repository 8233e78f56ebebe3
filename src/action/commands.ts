import picomatch from 'picomatch';
import { z } from 'zod';
import { changedFilesBetween } from '../changes/git.js';
import type { ChangedFile } from '../changes/types.js';
import type { Config } from '../config/schema.js';
import { worstVerdict } from '../gate/index.js';
import { completeCheckRun, findCheckRun, parseVerdictRef, verdictRef } from '../github/checks.js';
import type { Octokit } from '../github/client.js';
import { findStickyComments, tokenIdentity } from '../github/comment.js';
import { parseCommentEvent, pullRequestFromApi, type CommentEvent, type PullRequestEvent } from '../github/event.js';
import { listPullRequestFiles } from '../github/files.js';
import { COMMENT_BODY_LIMIT } from '../github/limits.js';
import { secrets } from '../redact.js';
import { escapeInline, inlineCode } from '../report/index.js';
import type { Report } from '../report/schema.js';
import { helpText, parseCommand, type Command } from './command-parse.js';
import {
  describe,
  enterRun,
  info,
  makeClient,
  markerFor,
  newRunState,
  openCheck,
  readEventPayload,
  readInputs,
  registerSecrets,
  reviewInto,
  runAndFinish,
  setOutputs,
  trustedConfig,
  warn,
  workspace,
  type Inputs,
  type RunState,
  type StopSignals,
} from './shell.js';

/**
 * The command path: `issue_comment` events whose comment starts with `/promptgate` (docs/commands.md). A comment
 * event runs with the base repository's secrets, so everything here follows the `pull_request_target` rules
 * (docs/security.md): the PR's shas come from the API, config, eval sets and assertions from the base commit, only
 * prompt text from the head, and nothing from the head is executed.
 */
export async function runCommand(opts: StopSignals): Promise<void> {
  const env = process.env;
  registerSecrets(env);
  const inputs = readInputs();
  const event = parseCommentEvent(await readEventPayload(env.GITHUB_EVENT_PATH));
  const command = parseCommand(event.body);
  const ignored = whyIgnored(event, command);
  if (ignored) {
    info(`Nothing to do: ${ignored}.`);
    return;
  }
  const s = newRunState();
  s.inputs = inputs;
  const octokit = makeClient(s, inputs, event.owner, event.repo);
  const login = event.author!.login;
  const talk = conversation(octokit, event);

  if (!(await canWrite(octokit, event, login))) {
    info(`@${login} has no write access to ${event.owner}/${event.repo}: the command is refused.`);
    await talk.reply(`Only people with write access to this repository can run \`/promptgate\` commands; nothing was run.`);
    return;
  }
  await talk.react('eyes');
  info(`@${login}: ${event.body.split('\n')[0]!.slice(0, 200)}`);
  let ok = false;
  try {
    ok = await runTaken(s, octokit, event, command!, login, talk, opts);
  } finally {
    await talk.react(ok ? 'rocket' : 'confused');
  }
}

/** Comments promptgate leaves alone: no API call at all, one log line, exit 0. */
function whyIgnored(event: CommentEvent, command: Command | null): string | null {
  if (event.action !== 'created') return `the comment was ${event.action}, not created`;
  if (!event.onPullRequest) return `#${event.number} is an issue, not a pull request`;
  if (!event.author) return 'the comment has no author';
  if (event.author.isBot) return `the comment is by a bot (${event.author.login})`;
  if (!command) return 'the comment is not a /promptgate command';
  return null;
}

const PermissionSchema = z.object({ permission: z.string() });

/**
 * Write access, as the collaborator-permission API reports it (`permission` admin or write; maintain counts as
 * write there). Never the comment's `author_association`, which says nothing about what a member may do.
 */
async function canWrite(octokit: Octokit, event: CommentEvent, login: string): Promise<boolean> {
  try {
    const res = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: event.owner, repo: event.repo, username: login });
    return ['admin', 'write'].includes(PermissionSchema.parse(res.data).permission);
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}

type Reaction = 'eyes' | 'rocket' | 'confused';
interface Conversation {
  react(content: Reaction): Promise<void>;
  /** At most one reply per command; any later one is logged instead. */
  reply(text: string): Promise<void>;
}

function conversation(octokit: Octokit, event: CommentEvent): Conversation {
  let replied = false;
  return {
    async react(content) {
      try {
        await octokit.rest.reactions.createForIssueComment({ owner: event.owner, repo: event.repo, comment_id: event.commentId, content });
      } catch (err) {
        warn(`Could not react ${content} to the command (${describe(err)}). Give the workflow \`issues: write\`.`);
      }
    },
    async reply(text) {
      if (replied) return info(text);
      replied = true;
      try {
        await octokit.rest.issues.createComment({ owner: event.owner, repo: event.repo, issue_number: event.number, body: secrets.redact(text) });
      } catch (err) {
        warn(`Could not reply (${describe(err)}). Give the workflow \`pull-requests: write\`. The reply: ${text}`);
      }
    },
  };
}

/** Runs a command taken from someone with write access; true when it did what it was asked. */
async function runTaken(s: RunState, octokit: Octokit, event: CommentEvent, command: Command, login: string, talk: Conversation, opts: StopSignals): Promise<boolean> {
  const checkName = s.inputs!['check-name'];
  switch (command.kind) {
    case 'help':
      await talk.reply(helpText(checkName));
      return true;
    case 'unknown':
      await talk.reply(`${inlineCode(command.word)} is not a promptgate command.\n\n${helpText(checkName)}`);
      return false;
    case 'invalid':
      await talk.reply(`Not run: ${command.message}.`);
      return false;
    case 'rerun':
    case 'accept': {
      const pr = pullRequestFromApi((await octokit.rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: event.number })).data, event);
      if (!pr.open) {
        await talk.reply('This pull request is closed; nothing was run.');
        return false;
      }
      s.event = pr;
      return command.kind === 'rerun' ? rerun(s, pr, command, talk, opts) : accept(s, octokit, pr, command.reason, login, talk);
    }
  }
}

/**
 * `/promptgate rerun [repeats=N] [suite=NAME]`: the review of the PR head again, into the same note and check.
 * With `suite=NAME`, the other suites are reviewed as before (their samples all come from the cache) and only NAME
 * gets N samples per case, so the verdict still covers every suite the PR triggers (docs/commands.md).
 */
async function rerun(s: RunState, pr: PullRequestEvent, command: { repeats?: number; suite?: string }, talk: Conversation, opts: StopSignals): Promise<boolean> {
  let config: Config | null | undefined;
  try {
    config = await trustedConfig(s, 'base');
  } catch {
    // Reported as the review's error below, in the note and the check.
  }
  let narrowed: ChangedFile[] | undefined;
  let all: ChangedFile[] | undefined;
  if (command.suite !== undefined && config !== undefined) {
    all = (await listPullRequestFiles(s.octokit!, pr, { log: warn })) ?? (await changedFilesBetween(workspace(), pr.baseSha, pr.headSha));
    const picked = suiteFiles(config, command.suite, all);
    if ('unknown' in picked) {
      await talk.reply(`Not run: there is no suite ${inlineCode(command.suite)} in the base commit's config. Suites: ${picked.unknown.map((n) => inlineCode(n)).join(', ') || '(none)'}.`);
      return false;
    }
    narrowed = picked.files;
  }
  await runAndFinish(s, opts, async () => {
    await enterRun(s);
    await openCheck(s, { reuseExisting: true });
    if (s.crash) return;
    config ??= await trustedConfig(s, 'base');
    const repeats = command.repeats === undefined ? undefined : { repeats: command.repeats };
    if (!narrowed) {
      s.report = await reviewInto(s, { trustedSide: 'base', config, overrides: repeats }, opts);
      return;
    }
    const before = await reviewInto(s, { trustedSide: 'base', config, changedFiles: all }, opts);
    const again = await reviewInto(s, { trustedSide: 'base', config, changedFiles: narrowed, overrides: repeats }, opts);
    s.report = withSuiteRerun(before, again, command.suite!, command.repeats);
  });
  return s.failure === null;
}

/**
 * The PR's changed files that concern one suite: in configured mode the files its `prompt` glob matches and its
 * cases file; in zero-config mode a suite is a prompt file, named by its path.
 */
function suiteFiles(config: Config | null, name: string, changed: ChangedFile[]): { files: ChangedFile[] } | { unknown: string[] } {
  if (!config) {
    const files = changed.filter((f) => f.path === name || f.previousPath === name);
    return files.length ? { files } : { unknown: changed.map((f) => f.path).filter((p) => /\.prompt\.ya?ml$/i.test(p)) };
  }
  const suite = config.suites.find((x) => x.name === name);
  if (!suite) return { unknown: config.suites.map((x) => x.name) };
  const matches = picomatch(suite.prompt, { dot: true });
  return { files: changed.filter((f) => matches(f.path) || (f.previousPath !== undefined && matches(f.previousPath)) || f.path === suite.cases) };
}

/** The first review with the rerun suite's rows replaced by the rerun's; the verdict is the worst of all suites. */
function withSuiteRerun(before: Report, again: Report, name: string, repeats: number | undefined): Report {
  const isIt = (n: string) => n === name || n.startsWith(`${name} (`);
  const kept = before.suites.filter((x) => !isIt(x.name));
  const suites = [...kept, ...again.suites];
  const sum = (a: number, b: number) => a + b;
  return {
    ...before,
    verdict: worstVerdict([...kept.map((x) => x.verdict), again.verdict]),
    suites,
    calls: {
      total: sum(before.calls.total, again.calls.total),
      cached: sum(before.calls.cached, again.calls.cached),
      failed: sum(before.calls.failed, again.calls.failed),
      retried: sum(before.calls.retried, again.calls.retried),
    },
    cost_usd_total: before.cost_usd_total + again.cost_usd_total,
    duration_ms: before.duration_ms + again.duration_ms,
    ...(before.partial || again.partial ? { partial: true } : {}),
    notes: [
      `Suite ${escapeInline(name)} was reviewed again${repeats ? ` with ${repeats} samples per case` : ''}; its comparisons are adjusted for multiple testing within that suite, the other suites' within the first review.`,
      ...new Set([...(before.notes ?? []), ...(again.notes ?? [])]),
    ],
  };
}

const ACCEPT_OPEN = '<!-- promptgate:accepted -->';
const ACCEPT_CLOSE = '<!-- /promptgate:accepted -->';

/**
 * `/promptgate accept <reason>`: the head commit's failing or inconclusive check completes `success`, titled
 * "accepted by @login"; the sticky note records who, why and what was accepted. Tied to the head commit: the check
 * lives on it, and the next push's review writes a new check and a new note.
 */
async function accept(s: RunState, octokit: Octokit, pr: PullRequestEvent, reason: string, login: string, talk: Conversation): Promise<boolean> {
  const inputs = s.inputs as Inputs;
  const checkName = inputs['check-name'];
  const short = pr.headSha.slice(0, 7);
  const where = { owner: pr.owner, repo: pr.repo, headSha: pr.headSha, name: checkName };
  const found = await findCheckRun(octokit, where);
  if (found && 'unavailable' in found) {
    await talk.reply(`Not accepted: ${found.unavailable}.`);
    return false;
  }
  if (!found) {
    await talk.reply(`Not accepted: there is no \`${checkName}\` check on ${short} yet. Wait for the review, or run \`/promptgate rerun\`.`);
    return false;
  }
  if (found.status !== 'completed') {
    await talk.reply(`Not accepted: the review of ${short} is still running; accept once it has finished.`);
    return false;
  }
  const ref = parseVerdictRef(found.external_id);
  const verdict = ref?.verdict ?? (found.conclusion === 'neutral' ? 'inconclusive' : null);
  if (verdict !== 'fail' && verdict !== 'inconclusive') {
    const why = verdict === 'error' ? 'the review failed to run, which is not a verdict to accept; run `/promptgate rerun`' : `its verdict is ${verdict ?? found.conclusion ?? 'unknown'}`;
    await talk.reply(`Not accepted: nothing to accept on ${short} (${why}).`);
    return false;
  }
  const who = escapeInline(`@${login}`);
  const said = escapeInline(reason);
  const line = `✅ **Accepted by ${who}** for ${short} (verdict: ${verdict}): ${said}`;
  const previous = (found.output?.summary ?? '').replace(/^✅ \*\*Accepted by [^\n]*\n\n/, '');
  const done = await completeCheckRun(octokit, {
    ...where,
    checkRunId: found.id,
    conclusion: 'success',
    title: `accepted by @${login}`,
    summary: `${line}\n\n${previous}`,
    detailsUrl: s.detailsUrl,
    externalId: verdictRef({ verdict, acceptedBy: login }),
  });
  if ('unavailable' in done) {
    await talk.reply(`Not accepted: ${done.unavailable}.`);
    return false;
  }
  info(`Accepted ${short} for @${login}: ${reason}`);
  if (inputs.comment) await recordInNote(octokit, pr, checkName, `${ACCEPT_OPEN}\n> ${line}\n${ACCEPT_CLOSE}`);
  setOutputs({ verdict: 'pass', 'comment-url': '', 'changed-prompts': '[]', 'pass-rate-delta': '' });
  return true;
}

/** The accept block goes right under the note's marker, replacing an earlier one. */
async function recordInNote(octokit: Octokit, pr: PullRequestEvent, checkName: string, block: string): Promise<void> {
  const marker = markerFor(checkName);
  try {
    const who = await tokenIdentity(octokit);
    if (!who) return warn('Could not tell which account the token acts as, so the note was left as it was.');
    const [note] = await findStickyComments(octokit, { owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, who, marker);
    if (!note) return info('No change note on the PR to record the accept in.');
    const body = note.body ?? '';
    const without = body.replace(new RegExp(`${escapeRe(ACCEPT_OPEN)}[\\s\\S]*?${escapeRe(ACCEPT_CLOSE)}\\n?`), '');
    const at = without.indexOf(marker) + marker.length;
    const next = `${without.slice(0, at)}\n${block}${without.slice(at)}`;
    if (next.length > COMMENT_BODY_LIMIT) return warn("The note is at GitHub's size limit; the accept is recorded in the check only.");
    await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: note.id, body: secrets.redact(next) });
  } catch (err) {
    warn(`Could not record the accept in the note (${describe(err)}).`);
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
