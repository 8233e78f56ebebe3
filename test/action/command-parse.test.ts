import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathFor } from '../../src/action.js';
import { parseCommand } from '../../src/action/command-parse.js';

describe('the /promptgate grammar', () => {
  it('reads the three commands and their arguments', () => {
    expect(parseCommand('/promptgate rerun')).toEqual({ kind: 'rerun' });
    expect(parseCommand('  /promptgate rerun repeats=12 suite=triage\nthanks!')).toEqual({ kind: 'rerun', repeats: 12, suite: 'triage' });
    expect(parseCommand('/promptgate RERUN Repeats=3')).toEqual({ kind: 'rerun', repeats: 3 });
    expect(parseCommand('/promptgate accept  the labels are\nparsed downstream ')).toEqual({ kind: 'accept', reason: 'the labels are parsed downstream' });
    expect(parseCommand('/promptgate help')).toEqual({ kind: 'help' });
    expect(parseCommand('/promptgate')).toEqual({ kind: 'help' });
    expect(parseCommand('/promptgate deploy')).toEqual({ kind: 'unknown', word: 'deploy' });
  });

  it('is not a command unless the comment starts with /promptgate as a word', () => {
    for (const body of ['please /promptgate rerun', '/promptgateway rerun', '> /promptgate rerun', '']) expect(parseCommand(body)).toBeNull();
  });

  it('bounds repeats to 1–100 and refuses arguments rerun does not take', () => {
    for (const arg of ['repeats=0', 'repeats=101', 'repeats=1e3', 'repeats=-1', 'repeats=2.5', 'repeats=', 'budget=9', 'fast', 'repeats=2 repeats=3', 'suite=']) {
      expect(parseCommand(`/promptgate rerun ${arg}`), arg).toMatchObject({ kind: 'invalid' });
    }
    expect(parseCommand('/promptgate rerun repeats=100')).toEqual({ kind: 'rerun', repeats: 100 });
    // The reply quotes the argument in a code span it cannot close, so it cannot mention anyone or add markup.
    const quoted = parseCommand('/promptgate rerun x`@acme/admins`<img>') as { message: string };
    expect(quoted.message).toMatch(/^``x`.*`` is not an argument/);
    expect(quoted.message).not.toContain('@acme');
    expect(quoted.message).not.toContain('<img');
  });

  it('needs a reason to accept, and keeps it short', () => {
    expect(parseCommand('/promptgate accept')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('say why') });
    const long = parseCommand(`/promptgate accept ${'x'.repeat(2000)}`);
    expect(long).toMatchObject({ kind: 'accept' });
    expect((long as { reason: string }).reason.length).toBe(500);
  });
});

describe('which path an event takes', () => {
  const file = (payload: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'promptgate-route-')), 'event.json');
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };
  it('reviews PRs and pushes to other branches; monitors schedules, default-branch pushes and bare dispatches', async () => {
    const repository = { full_name: 'acme/bot', default_branch: 'main' };
    expect(await pathFor('pull_request', undefined)).toBe('review');
    expect(await pathFor('merge_group', undefined)).toBe('review');
    expect(await pathFor('issue_comment', undefined)).toBe('command');
    expect(await pathFor('schedule', undefined)).toBe('monitor');
    expect(await pathFor('push', file({ ref: 'refs/heads/main', repository }))).toBe('monitor');
    expect(await pathFor('push', file({ ref: 'refs/heads/feature', repository }))).toBe('review');
    expect(await pathFor('push', file({ after: 'x' }))).toBe('review');
    expect(await pathFor('workflow_dispatch', file({ inputs: {} }))).toBe('monitor');
    expect(await pathFor('workflow_dispatch', file({ inputs: { base: 'v1.2.0' } }))).toBe('review');
  });
});
