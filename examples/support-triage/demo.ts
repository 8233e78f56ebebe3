/**
 * `npm run demo`: a real review of this example, end to end. It builds a small git history (a base commit with the
 * original triage prompt, a PR branch that rewrites it), starts the bundled OpenAI-compatible server with a
 * simulated triage model, and runs the `promptgate` bin (`dist/cli/launch.js`, which starts the CLI bundle) against it over HTTP —
 * exactly what `npx promptgate run --base main --head HEAD` does in a user's repository.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLlm } from '../../tools/fake-llm/index.js';
import { answersFromJsonl, triageModel } from './model.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export function makeExampleRepo(dir = mkdtempSync(join(tmpdir(), 'promptgate-demo-'))): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Demo',
        GIT_AUTHOR_EMAIL: 'demo@example.com',
        GIT_COMMITTER_NAME: 'Demo',
        GIT_COMMITTER_EMAIL: 'demo@example.com',
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    });
  git('init', '-q', '-b', 'main');
  cpSync(join(here, 'repo'), dir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'Add the support triage prompt and its eval set');
  git('checkout', '-q', '-b', 'improve-triage');
  cpSync(join(here, 'change'), dir, { recursive: true });
  git('add', '-A');
  git(
    'commit',
    '-q',
    '-m',
    'Triage: list the allowed labels and ask for exactly one',
    '-m',
    'Goal: stop free-form answers ("Category: Billing", "technical issue") that the router cannot use.',
    '-m',
    'Rollout: ship to 10% of incoming tickets behind the triage_v2 flag, then all after a day of clean routing.',
  );
  return dir;
}

export async function startExampleModel() {
  const answers = answersFromJsonl(readFileSync(join(here, 'repo/evals/triage.jsonl'), 'utf8'));
  return startFakeLlm({ responder: triageModel(answers), apiKey: 'demo-key' });
}

async function main(): Promise<number> {
  const repo = makeExampleRepo();
  const server = await startExampleModel();
  process.stderr.write(`example repo: ${repo} (branch improve-triage vs main)\nlocal model:  ${server.url}\n\n`);
  try {
    const cli = join(root, 'dist/cli/launch.js');
    const args = [cli, 'run', '--base', 'main', '--head', 'HEAD', '--base-url', server.url, '--json', 'report.json', '--markdown', 'note.md', ...process.argv.slice(2)];
    const code = await new Promise<number>((done) => {
      const child = spawn(process.execPath, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, OPENAI_API_KEY: 'demo-key' } });
      child.on('exit', (c) => done(c ?? 2));
    });
    process.stderr.write(`\nreport: ${join(repo, 'report.json')}\nnote:   ${join(repo, 'note.md')}\n`);
    return code;
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
