export const id = 987;
export const ids = [987];
export const modules = {

/***/ 18987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 10 modules
var schemas = __webpack_require__(13798);
// EXTERNAL MODULE: ./src/changes/git.ts
var git = __webpack_require__(1345);
// EXTERNAL MODULE: ./src/gate/index.ts + 2 modules
var gate = __webpack_require__(13219);
// EXTERNAL MODULE: ./src/github/checks.ts
var checks = __webpack_require__(36250);
// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(47318);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/github/files.ts
var files = __webpack_require__(55772);
// EXTERNAL MODULE: ./src/github/limits.ts
var limits = __webpack_require__(71679);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: ./src/report/index.ts + 1 modules
var report = __webpack_require__(88549);
;// CONCATENATED MODULE: ./src/action/command-parse.ts

/**
 * The `/promptgate` command grammar (docs/commands.md). Pure: the comment's text in, a command out; nothing here
 * reads the PR, the config or the API.
 *
 *   /promptgate rerun [repeats=N] [suite=NAME]
 *   /promptgate accept <reason>
 *   /promptgate help
 */
/** The most samples per case a comment may ask for: the config schema's own cap on `repeats`. */
const MAX_COMMAND_REPEATS = 100;
/** An accept's reason is kept to one short paragraph in the note and the check. */
const MAX_REASON_CHARS = 500;
const PREFIX = /^\s*\/promptgate(?=\s|$)/;
/** The command a comment gives, or null when it does not start with `/promptgate` (then nothing is done). */
function parseCommand(body) {
    const m = PREFIX.exec(body);
    if (!m)
        return null;
    const rest = body.slice(m[0].length);
    const word = /^\s*(\S*)/.exec(rest)[1];
    const after = rest.replace(/^\s*\S*/, '');
    switch (word.toLowerCase()) {
        case '':
        case 'help':
            return { kind: 'help' };
        case 'rerun':
            return parseRerun(after.split('\n')[0]);
        case 'accept': {
            const reason = after.replace(/\s+/g, ' ').trim();
            if (!reason)
                return { kind: 'invalid', message: 'say why: `/promptgate accept <reason>` (the reason goes into the note and the check)' };
            return { kind: 'accept', reason: reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason };
        }
        default:
            return { kind: 'unknown', word: word.slice(0, 40) };
    }
}
function parseRerun(args) {
    const out = { kind: 'rerun' };
    for (const token of args.trim().split(/\s+/).filter(Boolean)) {
        const kv = /^([a-z]+)=(.*)$/i.exec(token);
        const key = kv?.[1]?.toLowerCase();
        const value = kv?.[2] ?? '';
        if (key === 'repeats' && out.repeats === undefined) {
            const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
            if (!(n >= 1 && n <= MAX_COMMAND_REPEATS)) {
                return { kind: 'invalid', message: `${(0,report/* inlineCode */.ti)(`repeats=${value.slice(0, 20)}`)}: expected a whole number from 1 to ${MAX_COMMAND_REPEATS}` };
            }
            out.repeats = n;
        }
        else if (key === 'suite' && out.suite === undefined && value !== '') {
            out.suite = value.slice(0, 200);
        }
        else {
            return { kind: 'invalid', message: `${(0,report/* inlineCode */.ti)(token.slice(0, 40))} is not an argument of rerun; it takes \`repeats=N\` (1–${MAX_COMMAND_REPEATS}) and \`suite=NAME\`, each once` };
        }
    }
    return out;
}
/** The short reply to `/promptgate help` (and to a word that is no command). */
function helpText(checkName) {
    return [
        '**promptgate commands** (people with write access to the repository):',
        '',
        '- `/promptgate rerun [repeats=N] [suite=NAME]`: review the PR head again, with N samples per case (at most ' +
            `${MAX_COMMAND_REPEATS}; samples already made are reused), optionally N for one suite only. The note and the \`${checkName}\` check are updated.`,
        '- `/promptgate accept <reason>`: accept a failing or inconclusive verdict for this head commit; the check passes, the note records who and why. The next push is reviewed afresh.',
        '- `/promptgate help`: this list.',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/action/shell.ts + 8 modules
var shell = __webpack_require__(10251);
;// CONCATENATED MODULE: ./src/action/commands.ts













/**
 * The command path: `issue_comment` events whose comment starts with `/promptgate` (docs/commands.md). A comment
 * event runs with the base repository's secrets, so everything here follows the `pull_request_target` rules
 * (docs/security.md): the PR's shas come from the API, config, eval sets and assertions from the base commit, only
 * prompt text from the head, and nothing from the head is executed.
 */
async function runCommand(opts) {
    const env = process.env;
    (0,shell/* registerSecrets */.dg)(env);
    const inputs = (0,shell/* readInputs */.Ko)();
    const event = (0,github_event/* parseCommentEvent */.ZX)(await (0,shell/* readEventPayload */.N5)(env.GITHUB_EVENT_PATH));
    const command = parseCommand(event.body);
    const ignored = whyIgnored(event, command);
    if (ignored) {
        (0,shell/* info */.pq)(`Nothing to do: ${ignored}.`);
        return;
    }
    const s = (0,shell/* newRunState */.PG)();
    s.inputs = inputs;
    const octokit = (0,shell/* makeClient */.yu)(s, inputs, event.owner, event.repo);
    const login = event.author.login;
    const talk = conversation(octokit, event);
    if (!(await canWrite(octokit, event, login))) {
        (0,shell/* info */.pq)(`@${login} has no write access to ${event.owner}/${event.repo}: the command is refused.`);
        await talk.reply(`Only people with write access to this repository can run \`/promptgate\` commands; nothing was run.`);
        return;
    }
    await talk.react('eyes');
    (0,shell/* info */.pq)(`@${login}: ${event.body.split('\n')[0].slice(0, 200)}`);
    let ok = false;
    try {
        ok = await runTaken(s, octokit, event, command, login, talk, opts);
    }
    finally {
        await talk.react(ok ? 'rocket' : 'confused');
    }
}
/** Comments promptgate leaves alone: no API call at all, one log line, exit 0. */
function whyIgnored(event, command) {
    if (event.action !== 'created')
        return `the comment was ${event.action}, not created`;
    if (!event.onPullRequest)
        return `#${event.number} is an issue, not a pull request`;
    if (!event.author)
        return 'the comment has no author';
    if (event.author.isBot)
        return `the comment is by a bot (${event.author.login})`;
    if (!command)
        return 'the comment is not a /promptgate command';
    return null;
}
const PermissionSchema = schemas/* object */.Ikc({ permission: schemas/* string */.YjP() });
/**
 * Write access, as the collaborator-permission API reports it (`permission` admin or write; maintain counts as
 * write there). Never the comment's `author_association`, which says nothing about what a member may do.
 */
async function canWrite(octokit, event, login) {
    try {
        const res = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: event.owner, repo: event.repo, username: login });
        return ['admin', 'write'].includes(PermissionSchema.parse(res.data).permission);
    }
    catch (err) {
        if (err.status === 404)
            return false;
        throw err;
    }
}
function conversation(octokit, event) {
    let replied = false;
    return {
        async react(content) {
            try {
                await octokit.rest.reactions.createForIssueComment({ owner: event.owner, repo: event.repo, comment_id: event.commentId, content });
            }
            catch (err) {
                (0,shell/* warn */.R8)(`Could not react ${content} to the command (${(0,shell/* describe */.q0)(err)}). Give the workflow \`issues: write\`.`);
            }
        },
        async reply(text) {
            if (replied)
                return (0,shell/* info */.pq)(text);
            replied = true;
            try {
                await octokit.rest.issues.createComment({ owner: event.owner, repo: event.repo, issue_number: event.number, body: redact/* secrets */.O3.redact(text) });
            }
            catch (err) {
                (0,shell/* warn */.R8)(`Could not reply (${(0,shell/* describe */.q0)(err)}). Give the workflow \`pull-requests: write\`. The reply: ${text}`);
            }
        },
    };
}
/** Runs a command taken from someone with write access; true when it did what it was asked. */
async function runTaken(s, octokit, event, command, login, talk, opts) {
    const checkName = s.inputs['check-name'];
    switch (command.kind) {
        case 'help':
            await talk.reply(helpText(checkName));
            return true;
        case 'unknown':
            await talk.reply(`${(0,report/* inlineCode */.ti)(command.word)} is not a promptgate command.\n\n${helpText(checkName)}`);
            return false;
        case 'invalid':
            await talk.reply(`Not run: ${command.message}.`);
            return false;
        case 'rerun':
        case 'accept': {
            const pr = (0,github_event/* pullRequestFromApi */.rT)((await octokit.rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: event.number })).data, event);
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
async function rerun(s, pr, command, talk, opts) {
    let config;
    try {
        config = await (0,shell/* trustedConfig */.av)(s, 'base');
    }
    catch {
        // Reported as the review's error below, in the note and the check.
    }
    let narrowed;
    let all;
    if (command.suite !== undefined && config !== undefined) {
        all = (await (0,files/* listPullRequestFiles */.cq)(s.octokit, pr, { log: shell/* warn */.R8 })) ?? (await (0,git/* changedFilesBetween */.aL)((0,shell/* workspace */.Gl)(), pr.baseSha, pr.headSha));
        const picked = suiteFiles(config, command.suite, all);
        if ('unknown' in picked) {
            await talk.reply(`Not run: there is no suite ${(0,report/* inlineCode */.ti)(command.suite)} in the base commit's config. Suites: ${picked.unknown.map((n) => (0,report/* inlineCode */.ti)(n)).join(', ') || '(none)'}.`);
            return false;
        }
        narrowed = picked.files;
    }
    await (0,shell/* runAndFinish */.O2)(s, opts, async () => {
        await (0,shell/* enterRun */.ul)(s);
        await (0,shell/* openCheck */.Xq)(s, { reuseExisting: true });
        if (s.crash)
            return;
        config ??= await (0,shell/* trustedConfig */.av)(s, 'base');
        const repeats = command.repeats === undefined ? undefined : { repeats: command.repeats };
        if (!narrowed) {
            s.report = await (0,shell/* reviewInto */.bg)(s, { trustedSide: 'base', config, overrides: repeats }, opts);
            return;
        }
        const before = await (0,shell/* reviewInto */.bg)(s, { trustedSide: 'base', config, changedFiles: all }, opts);
        const again = await (0,shell/* reviewInto */.bg)(s, { trustedSide: 'base', config, changedFiles: narrowed, overrides: repeats }, opts);
        s.report = withSuiteRerun(before, again, command.suite, command.repeats);
    });
    return s.failure === null;
}
/**
 * The PR's changed files that concern one suite: in configured mode the files its `prompt` glob matches and its
 * cases file; in zero-config mode a suite is a prompt file, named by its path.
 */
function suiteFiles(config, name, changed) {
    if (!config) {
        const files = changed.filter((f) => f.path === name || f.previousPath === name);
        return files.length ? { files } : { unknown: changed.map((f) => f.path).filter((p) => /\.prompt\.ya?ml$/i.test(p)) };
    }
    const suite = config.suites.find((x) => x.name === name);
    if (!suite)
        return { unknown: config.suites.map((x) => x.name) };
    const matches = picomatch_default()(suite.prompt, { dot: true });
    return { files: changed.filter((f) => matches(f.path) || (f.previousPath !== undefined && matches(f.previousPath)) || f.path === suite.cases) };
}
/** The first review with the rerun suite's rows replaced by the rerun's; the verdict is the worst of all suites. */
function withSuiteRerun(before, again, name, repeats) {
    const isIt = (n) => n === name || n.startsWith(`${name} (`);
    const kept = before.suites.filter((x) => !isIt(x.name));
    const suites = [...kept, ...again.suites];
    const sum = (a, b) => a + b;
    return {
        ...before,
        verdict: (0,gate/* worstVerdict */.zP)([...kept.map((x) => x.verdict), again.verdict]),
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
            `Suite ${(0,report/* escapeInline */.VV)(name)} was reviewed again${repeats ? ` with ${repeats} samples per case` : ''}; its comparisons are adjusted for multiple testing within that suite, the other suites' within the first review.`,
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
async function accept(s, octokit, pr, reason, login, talk) {
    const inputs = s.inputs;
    const checkName = inputs['check-name'];
    const short = pr.headSha.slice(0, 7);
    const where = { owner: pr.owner, repo: pr.repo, headSha: pr.headSha, name: checkName };
    const found = await (0,checks/* findCheckRun */.TU)(octokit, where);
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
    const ref = (0,checks/* parseVerdictRef */.Kh)(found.external_id);
    const verdict = ref?.verdict ?? (found.conclusion === 'neutral' ? 'inconclusive' : null);
    if (verdict !== 'fail' && verdict !== 'inconclusive') {
        const why = verdict === 'error' ? 'the review failed to run, which is not a verdict to accept; run `/promptgate rerun`' : `its verdict is ${verdict ?? found.conclusion ?? 'unknown'}`;
        await talk.reply(`Not accepted: nothing to accept on ${short} (${why}).`);
        return false;
    }
    const who = (0,report/* escapeInline */.VV)(`@${login}`);
    const said = (0,report/* escapeInline */.VV)(reason);
    const line = `✅ **Accepted by ${who}** for ${short} (verdict: ${verdict}): ${said}`;
    const previous = (found.output?.summary ?? '').replace(/^✅ \*\*Accepted by [^\n]*\n\n/, '');
    const done = await (0,checks/* completeCheckRun */.Fp)(octokit, {
        ...where,
        checkRunId: found.id,
        conclusion: 'success',
        title: `accepted by @${login}`,
        summary: `${line}\n\n${previous}`,
        detailsUrl: s.detailsUrl,
        externalId: (0,checks/* verdictRef */.LG)({ verdict, acceptedBy: login }),
    });
    if ('unavailable' in done) {
        await talk.reply(`Not accepted: ${done.unavailable}.`);
        return false;
    }
    (0,shell/* info */.pq)(`Accepted ${short} for @${login}: ${reason}`);
    if (inputs.comment)
        await recordInNote(octokit, pr, checkName, `${ACCEPT_OPEN}\n> ${line}\n${ACCEPT_CLOSE}`);
    (0,shell/* setOutputs */.n0)({ verdict: 'pass', 'comment-url': '', 'changed-prompts': '[]', 'pass-rate-delta': '' });
    return true;
}
/** The accept block goes right under the note's marker, replacing an earlier one. */
async function recordInNote(octokit, pr, checkName, block) {
    const marker = (0,shell/* markerFor */._Z)(checkName);
    try {
        const who = await (0,comment/* tokenIdentity */.sX)(octokit);
        if (!who)
            return (0,shell/* warn */.R8)('Could not tell which account the token acts as, so the note was left as it was.');
        const [note] = await (0,comment/* findStickyComments */.dj)(octokit, { owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, who, marker);
        if (!note)
            return (0,shell/* info */.pq)('No change note on the PR to record the accept in.');
        const body = note.body ?? '';
        const without = body.replace(new RegExp(`${escapeRe(ACCEPT_OPEN)}[\\s\\S]*?${escapeRe(ACCEPT_CLOSE)}\\n?`), '');
        const at = without.indexOf(marker) + marker.length;
        const next = `${without.slice(0, at)}\n${block}${without.slice(at)}`;
        if (next.length > limits/* COMMENT_BODY_LIMIT */.tx)
            return (0,shell/* warn */.R8)("The note is at GitHub's size limit; the accept is recorded in the check only.");
        await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: note.id, body: redact/* secrets */.O3.redact(next) });
    }
    catch (err) {
        (0,shell/* warn */.R8)(`Could not record the accept in the note (${(0,shell/* describe */.q0)(err)}).`);
    }
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/***/ })

};
