/** Starter files written by `promptgate init`. */
export const STARTER_CONFIG = `# promptgate: review prompt changes with paired evals. Docs: README.md
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

export const STARTER_WORKFLOW = `name: promptgate
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
export const ZERO_CONFIG_WORKFLOW = `# Zero-config: no promptgate.yml. Every changed GitHub Models \`.prompt.yml\` with \`testData\` and \`evaluators\` is
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
export const GITIGNORE_LINE = '.promptgate/';
