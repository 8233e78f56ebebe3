import { describe, expect, it } from 'vitest';
import { expandEnv, parseConfig } from '../../src/config/load.js';
import { errorOf } from '../support/errors.js';

const minimal = `version: 1
suites:
  - name: triage
    prompt: prompts/triage.prompt.yml
    cases: evals/triage.jsonl
`;

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    const config = parseConfig('promptgate.yml', minimal);
    expect(config.gate.confidence).toBe(0.95);
    expect(config.gate.pass_rate.max_drop).toBe(0);
    expect(config.gate.max_error_rate).toBe(0.05);
    expect(config.gate.inconclusive).toBe('neutral');
    expect(config.run).toMatchObject({ concurrency: 8, timeout_s: 60, max_retries: 5, cache_dir: '.promptgate/cache' });
    expect(config.suites[0]?.name).toBe('triage');
  });

  it('accepts the full example of the contract', () => {
    const config = parseConfig(
      'promptgate.yml',
      `version: 1
provider:
  model: gpt-4o-mini
  base_url: https://api.openai.com/v1
  api_key_env: OPENAI_API_KEY
  params: { temperature: 0.7, max_tokens: 256 }
  pricing: { input_per_mtok: 0.15, output_per_mtok: 0.60 }
suites:
  - name: support-triage
    prompt: prompts/triage.prompt.yml
    cases: evals/triage.jsonl
    assert:
      - { type: equals, value: "{{expected}}", trim: true, ignore_case: true }
    repeats: 3
gate:
  confidence: 0.95
  pass_rate: { max_drop: 0.0 }
  latency_p95: { max_increase: 0.25 }
  cost: { max_increase: 0.20 }
  max_error_rate: 0.05
  inconclusive: neutral
run:
  concurrency: 8
  timeout_s: 60
  max_retries: 5
  budget_usd: 5.00
  cache_dir: .promptgate/cache
`,
    );
    expect(config.provider.pricing?.output_per_mtok).toBe(0.6);
    expect(config.gate.latency_p95?.max_increase).toBe(0.25);
    expect(config.run.budget_usd).toBe(5);
  });

  it('names the line of malformed YAML', () => {
    const err = errorOf(() => parseConfig('promptgate.yml', 'version: 1\nsuites:\n  - name: [unclosed\n    prompt: x\n'));
    expect(err.file).toBe('promptgate.yml');
    expect(err.line).toBeGreaterThanOrEqual(3);
    expect(err.format()).toMatch(/promptgate\.yml:\d+: is not valid YAML/);
  });

  it('rejects an unknown key with its line and a did-you-mean', () => {
    const err = errorOf(() => parseConfig('promptgate.yml', minimal + '    repeets: 3\n'));
    expect(err.message).toContain('unknown key "repeets"');
    expect(err.message).toContain('did you mean "repeats"');
    expect(err.line).toBe(6);
    expect(err.hint).toContain('rename "repeets" to "repeats"');
  });

  it('rejects an unknown top-level key', () => {
    const err = errorOf(() => parseConfig('.github/promptgate.yml', 'version: 1\ngates: {}\n' + minimal.replace('version: 1\n', '')));
    expect(err.message).toMatch(/unknown key "gates".*did you mean "gate"/);
    expect(err.line).toBe(2);
    expect(err.file).toBe('.github/promptgate.yml');
  });

  it('names the path and line of a wrong type', () => {
    const err = errorOf(() => parseConfig('promptgate.yml', minimal + 'gate:\n  confidence: high\n'));
    expect(err.message).toContain('gate.confidence');
    expect(err.line).toBe(7);
  });

  it('rejects paths that leave the repository', () => {
    const err = errorOf(() => parseConfig('promptgate.yml', minimal.replace('evals/triage.jsonl', '../secrets.jsonl')));
    expect(err.message).toContain('outside the repository');
    expect(err.line).toBe(5);
  });

  it('rejects duplicate suite names and an unknown assertion type', () => {
    expect(errorOf(() => parseConfig('p.yml', minimal + '  - name: triage\n    prompt: b.txt\n')).message).toContain('two suites are named "triage"');
    const err = errorOf(() => parseConfig('p.yml', minimal + '    assert:\n      - { type: equalz, value: x }\n'));
    expect(err.message).toContain('suites[0].assert[0]');
  });
});

describe('expandEnv', () => {
  it('expands ${VAR} and refuses an unset one', () => {
    expect(expandEnv('http://${HOST}/v1', { HOST: 'gw:8080' }, { file: 'p.yml', key: 'base_url' })).toBe('http://gw:8080/v1');
    expect(() => expandEnv('${NOPE}', {}, { file: 'p.yml', key: 'model' })).toThrow(/\$\{NOPE\}, which is not set/);
  });
});
