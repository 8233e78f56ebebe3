"use strict";
exports.id = 431;
exports.ids = [431];
exports.modules = {

/***/ 50431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/init-templates.ts
/** Starter files written by `promptgate init`. */
const STARTER_CONFIG = `# promptgate: review prompt changes with paired evals. Docs: README.md
version: 1
provider:
  model: gpt-4o-mini
  base_url: https://api.openai.com/v1
  api_key_env: OPENAI_API_KEY
  params: { temperature: 0.7, max_tokens: 256 }
  pricing: { input_per_mtok: 0.15, output_per_mtok: 0.60 }
suites:
  - name: my-prompt
    prompt: prompts/my.prompt.yml
    cases: evals/my.jsonl
    assert:
      - { type: equals, value: "{{expected}}", trim: true, ignore_case: true }
    repeats: 3
gate:
  confidence: 0.95
  pass_rate: { max_drop: 0.0 }
  max_error_rate: 0.05
  inconclusive: neutral
run:
  concurrency: 8
  timeout_s: 60
  max_retries: 5
  budget_usd: 5.00
  cache_dir: .promptgate/cache
`;
const STARTER_WORKFLOW = `name: promptgate
on:
  pull_request:   # no paths: filter: a required check must always report (promptgate says "no prompt changes" itself)
permissions:
  contents: read
  pull-requests: write
  checks: write
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0
      - uses: promptgate/promptgate@v1
        with:
          api-key: \${{ secrets.OPENAI_API_KEY }}
`;
/**
 * The workflow `promptgate init` writes in a repository that already has GitHub Models prompt files with
 * `testData`: zero-config, no promptgate.yml, GitHub Models with the workflow's own token (`models: read`).
 */
const ZERO_CONFIG_WORKFLOW = `# Zero-config: no promptgate.yml. Every changed GitHub Models \`.prompt.yml\` with \`testData\` and \`evaluators\` is
# reviewed on GitHub Models with the workflow's own token — no secret to set up.
name: promptgate
on:
  pull_request:   # no paths: filter: a required check must always report (promptgate says "no prompt changes" itself)
permissions:
  contents: read
  pull-requests: write
  checks: write
  models: read           # lets the workflow token call GitHub Models
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0
      - uses: promptgate/promptgate@v1
`;
/** The line `promptgate init` adds to .gitignore: the response cache and other local state. */
const GITIGNORE_LINE = '.promptgate/';

;// CONCATENATED MODULE: ./src/cli/init.ts




/**
 * `promptgate init`: in a repository whose GitHub Models prompt files already carry `testData`, a zero-config
 * workflow and nothing else (the files are the eval sets); otherwise a starter promptgate.yml and its workflow.
 * Either way `.promptgate/` (the response cache) goes into .gitignore, once. Every file written ends in a newline.
 */
async function initCommand(opts, io) {
    // A promptfoo config at the root is the eval suite the team already has: the workflow points at it.
    const promptfoo = (await Promise.all(PROMPTFOO_CONFIGS.map(async (p) => ((await exists((0,external_node_path_.join)(io.cwd, p))) ? p : null)))).find((p) => p !== null);
    const withTests = promptfoo ? [] : await promptFilesWithTestData(io.cwd);
    const files = promptfoo
        ? [['.github/workflows/promptgate.yml', STARTER_WORKFLOW.replace('          api-key:', `          config: ${promptfoo}\n          api-key:`)]]
        : withTests.length
            ? [['.github/workflows/promptgate.yml', ZERO_CONFIG_WORKFLOW]]
            : [
                ['promptgate.yml', STARTER_CONFIG],
                ['.github/workflows/promptgate.yml', STARTER_WORKFLOW],
            ];
    if (promptfoo)
        io.stdout(`found ${promptfoo}: the workflow reviews with it (config: ${promptfoo}), so no promptgate.yml\n`);
    if (withTests.length) {
        const shown = withTests.slice(0, 5).join(', ') + (withTests.length > 5 ? `, and ${withTests.length - 5} more` : '');
        io.stdout(`found GitHub Models prompt files with testData (${shown}): zero-config, so no promptgate.yml; they run on GitHub Models with the workflow's token\n`);
    }
    for (const [path, text] of files) {
        const target = (0,external_node_path_.join)(io.cwd, path);
        if (!opts.force && (await exists(target))) {
            io.stderr(`skipped ${path}: it exists (use --force to overwrite)\n`);
            continue;
        }
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.writeFile)(target, text.endsWith('\n') ? text : text + '\n');
        io.stdout(`wrote ${path}\n`);
    }
    const ignore = (0,external_node_path_.join)(io.cwd, '.gitignore');
    const current = await (0,promises_.readFile)(ignore, 'utf8').catch(() => null);
    const listed = (current ?? '').split(/\r?\n/).some((line) => ['.promptgate', '.promptgate/', '/.promptgate', '/.promptgate/'].includes(line.trim()));
    if (!listed) {
        const before = current === null || current === '' || current.endsWith('\n') ? (current ?? '') : current + '\n';
        await (0,promises_.writeFile)(ignore, `${before}${GITIGNORE_LINE}\n`);
        io.stdout(`${current === null ? 'wrote' : 'updated'} .gitignore (${GITIGNORE_LINE}: the response cache)\n`);
    }
    return 0;
}
const GITHUB_MODELS_FILE = /\.prompt\.ya?ml$/i;
const PROMPTFOO_CONFIGS = ['promptfooconfig.yaml', 'promptfooconfig.yml'];
const SKIP_DIRS = new Set(['.git', 'node_modules', '.promptgate']);
/** GitHub Models prompt files under `dir` whose `testData` has rows (the working tree, as `init` sees it). */
async function promptFilesWithTestData(dir) {
    const found = [];
    const walk = async (rel, depth) => {
        if (depth > 12 || found.length >= 1000)
            return;
        const entries = await (0,promises_.readdir)((0,external_node_path_.join)(dir, rel), { withFileTypes: true }).catch(() => []);
        for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            const path = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory() && !SKIP_DIRS.has(e.name))
                await walk(path, depth + 1);
            else if (e.isFile() && GITHUB_MODELS_FILE.test(e.name)) {
                try {
                    const doc = (0,dist/* parse */.qg)(await (0,promises_.readFile)((0,external_node_path_.join)(dir, path), 'utf8'));
                    if (Array.isArray(doc?.testData) && doc.testData.length > 0)
                        found.push(path);
                }
                catch {
                    // Not readable as YAML: `promptgate validate` says why; it is not a reason to write a config.
                }
            }
        }
    };
    await walk('', 0);
    return found;
}
async function exists(path) {
    try {
        await (0,promises_.access)(path);
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};
;