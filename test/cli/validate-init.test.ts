import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli.js';
import { parseConfig } from '../../src/config/load.js';
import { TempRepo } from '../support/git-repo.js';

function io(cwd: string) {
  let out = '';
  let err = '';
  const value: CliIo = { cwd, env: {}, stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false };
  return { value, out: () => out, err: () => err };
}

const CONFIG = `version: 1
suites:
  - name: greet
    prompt: prompts/*.md
    cases: evals/greet.csv
    assert: [{ type: icontains, value: "{{name}}" }]
`;

describe('promptgate validate', () => {
  it('checks config, prompts, cases and assertions on the working tree, without a key or a model call', async () => {
    const repo = new TempRepo();
    repo.write({
      'promptgate.yml': CONFIG,
      'prompts/hello.md': '---\nsystem: Be kind.\nparams: { temperature: 0 }\n---\nSay hello to {{name}}.',
      'evals/greet.csv': 'id,name,tags\nA,Ada,vip;new\nB,Bob,\n',
    });
    const cli = io(repo.dir);
    expect(await runCli(['validate'], cli.value)).toBe(0);
    expect(cli.out()).toContain('config promptgate.yml: ok');
    expect(cli.out()).toMatch(/suite "greet".*2 cases × 3 repeats.*ok/);
    repo.write({ 'prompts/hello.md': 'Say hello to {{nmae}}.' });
    const bad = io(repo.dir);
    expect(await runCli(['validate'], bad.value)).toBe(2);
    expect(bad.err()).toMatch(/prompts\/hello\.md.*case "A".*"nmae"/);
    repo.cleanup();
  });
});

describe('promptgate init', () => {
  it('writes a starter config that validates and a workflow, and never overwrites without --force', async () => {
    const repo = new TempRepo();
    const cli = io(repo.dir);
    expect(await runCli(['init'], cli.value)).toBe(0);
    const config = readFileSync(join(repo.dir, 'promptgate.yml'), 'utf8');
    expect(parseConfig('promptgate.yml', config).suites[0]!.name).toBe('my-prompt');
    const workflow = readFileSync(join(repo.dir, '.github/workflows/promptgate.yml'), 'utf8');
    expect(workflow).toContain('checks: write');
    expect(workflow).toContain('fetch-depth: 0');
    expect(workflow).not.toMatch(/^\s+paths:/m);
    const again = io(repo.dir);
    expect(await runCli(['init'], again.value)).toBe(0);
    expect(again.err()).toContain('skipped promptgate.yml');
    expect(existsSync(join(repo.dir, 'promptgate.yml'))).toBe(true);
    repo.cleanup();
  });

  it('in a repo with .prompt.yml files that have testData: a zero-config workflow, no promptgate.yml, and says so', async () => {
    const repo = new TempRepo();
    repo.write({
      'prompts/summarise.prompt.yml': 'messages: [{ role: user, content: "{{text}}" }]\ntestData:\n  - { text: a }\n',
      'prompts/plain.prompt.yml': 'messages: [{ role: user, content: hi }]\n',
      '.github/prompts/fix.prompt.md': '---\nmode: agent\n---\nFix it.\n',
    });
    const cli = io(repo.dir);
    expect(await runCli(['init'], cli.value)).toBe(0);
    expect(cli.out()).toContain('found GitHub Models prompt files with testData (prompts/summarise.prompt.yml): zero-config, so no promptgate.yml');
    expect(existsSync(join(repo.dir, 'promptgate.yml'))).toBe(false);
    const workflow = readFileSync(join(repo.dir, '.github/workflows/promptgate.yml'), 'utf8');
    expect(workflow).toMatch(/^ {2}models: read/m);
    expect(workflow).toContain('checks: write');
    expect(workflow).not.toContain('api-key');
    expect(workflow.endsWith('\n')).toBe(true);
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toBe('.promptgate/\n');
    repo.cleanup();
  });

  it('in a repo with a promptfoo config: a workflow that reviews with it, no promptgate.yml', async () => {
    const repo = new TempRepo();
    repo.write({ 'promptfooconfig.yaml': 'prompts: [file://prompt.txt]\nproviders: [openai:gpt-4o-mini]\ntests: []\n' });
    const cli = io(repo.dir);
    expect(await runCli(['init'], cli.value)).toBe(0);
    expect(cli.out()).toContain('found promptfooconfig.yaml');
    expect(existsSync(join(repo.dir, 'promptgate.yml'))).toBe(false);
    const workflow = readFileSync(join(repo.dir, '.github/workflows/promptgate.yml'), 'utf8');
    expect(workflow).toContain('      - uses: promptgate/promptgate@v1\n        with:\n          config: promptfooconfig.yaml\n          api-key:');
    repo.cleanup();
  });

  it('a Copilot .prompt.md or a .prompt.yml without testData is no reason for zero-config: the starter config', async () => {
    const repo = new TempRepo();
    repo.write({ 'prompts/plain.prompt.yml': 'messages: [{ role: user, content: hi }]\n', '.github/prompts/fix.prompt.md': 'testData: [1]\n' });
    const cli = io(repo.dir);
    expect(await runCli(['init'], cli.value)).toBe(0);
    expect(cli.out()).toContain('wrote promptgate.yml');
    for (const f of ['promptgate.yml', '.github/workflows/promptgate.yml']) expect(readFileSync(join(repo.dir, f), 'utf8').endsWith('\n'), f).toBe(true);
    repo.cleanup();
  });

  it('adds .promptgate/ to an existing .gitignore once, after a last line with no newline', async () => {
    const repo = new TempRepo();
    writeFileSync(join(repo.dir, '.gitignore'), 'node_modules/\ndist');
    expect(await runCli(['init'], io(repo.dir).value)).toBe(0);
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist\n.promptgate/\n');
    const again = io(repo.dir);
    expect(await runCli(['init', '--force'], again.value)).toBe(0);
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist\n.promptgate/\n');
    expect(again.out()).not.toContain('.gitignore');
    repo.cleanup();
  });
});
