import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withCompileCache } from '../src/compile-cache.js';
import { CHECK_RUN_ENV, CRASHED_ENV, launch, ORPHAN_KILL_MS, userSetHeap } from '../src/launch.js';
import { until } from './support/until.js';

/** The launcher in front of both bundles (src/launch.ts), against real child Node processes. */

const dir = mkdtempSync(join(tmpdir(), 'promptgate-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child script; it writes what it saw to `out` as JSON. */
function script(name: string, body: string): { target: string; out: string } {
  const target = join(dir, `${name}.mjs`);
  const out = join(dir, `${name}.json`);
  writeFileSync(target, `import v8 from 'node:v8';\nimport { writeFileSync } from 'node:fs';\nconst out = ${JSON.stringify(out)};\n${body}\n`);
  return { target, out };
}
const heapLimitMb = `Math.round(v8.getHeapStatistics().heap_size_limit / 1048576)`;
const read = (out: string) => JSON.parse(readFileSync(out, 'utf8'));
const quiet = { log: () => {}, output: 'ignore' as const };

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('launch', () => {
  it('runs the target with the heap flags, the arguments and the exit code', async () => {
    const { target, out } = script(
      'args',
      `writeFileSync(out, JSON.stringify({ limit: ${heapLimitMb}, args: process.argv.slice(2), launched: process.env.PROMPTGATE_LAUNCHED })); process.exitCode = 3;`,
    );
    const code = await launch({ target, args: ['run', '--base', 'main'], env: { PATH: process.env.PATH }, execArgv: [], ...quiet });
    expect(code).toBe(3);
    const seen = read(out);
    expect(seen.args).toEqual(['run', '--base', 'main']);
    expect(seen.launched).toBe('1');
    // 1024 MB of old space plus the young generation (three 8 MB semi-space-sized areas).
    expect(seen.limit).toBeGreaterThanOrEqual(1024);
    expect(seen.limit).toBeLessThan(1100);
  });

  it('steps aside for heap limits the user chose', async () => {
    const { target, out } = script('user', `writeFileSync(out, JSON.stringify({ limit: ${heapLimitMb} }));`);
    await launch({ target, args: [], env: { PATH: process.env.PATH, NODE_OPTIONS: '--max-old-space-size=300' }, execArgv: [], ...quiet });
    // 300 MB of old space plus the runtime's default young generation: not the launcher's 1024.
    expect(read(out).limit).toBeGreaterThanOrEqual(300);
    expect(read(out).limit).toBeLessThan(1000);
    expect(userSetHeap(['--max_old_space_size=64'], undefined)).toBe(true);
    expect(userSetHeap([], '--enable-source-maps --max-semi-space-size=4')).toBe(true);
    expect(userSetHeap(['--inspect'], '--enable-source-maps')).toBe(false);
  });

  it('passes signals on to the target and exits as it did', async () => {
    const { target, out } = script(
      'signal',
      `process.on('SIGTERM', () => { writeFileSync(out, JSON.stringify({ got: 'SIGTERM' })); process.exit(7); });\nprocess.send?.('ready');\nsetInterval(() => {}, 1000);`,
    );
    const signals = new EventEmitter();
    const running = launch({
      target,
      args: [],
      env: { PATH: process.env.PATH },
      execArgv: [],
      signals: signals as unknown as NodeJS.Process,
      ...quiet,
      onSpawn: (child) => child.once('message', () => signals.emit('SIGTERM', 'SIGTERM')),
    });
    expect(await running).toBe(7);
    expect(read(out).got).toBe('SIGTERM');
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('runs the target again with Node’s defaults when it runs out of memory under the flags', async () => {
    // Keeps ~120 MB alive: more than a 32 MB old space holds, nothing for Node's defaults.
    const { target, out } = script(
      'oom',
      `const keep = []; for (let i = 0; i < 120; i++) keep.push(new Array(128 * 1024).fill(i));\nwriteFileSync(out, JSON.stringify({ limit: ${heapLimitMb}, kept: keep.length }));`,
    );
    const lines: string[] = [];
    const code = await launch({ target, args: [], env: { PATH: process.env.PATH }, execArgv: [], heapFlags: ['--max-old-space-size=32'], log: (l) => lines.push(l), output: 'ignore' });
    expect(code).toBe(0);
    expect(read(out)).toMatchObject({ kept: 120 });
    expect(read(out).limit).toBeGreaterThan(200);
    expect(lines.join('\n')).toMatch(/ran out of memory under --max-old-space-size=32; running it again with Node's defaults/);
  });
});

describe("launch: the Action's check run through reruns and crashes", () => {
  /** An attempt that says it is the Action, names check run 77 (or the one it was given), records what it saw, and dies. */
  const attempt = (name: string, dies: string) =>
    script(
      name,
      [
        `import { readFileSync } from 'node:fs';`,
        `const seen = (() => { try { return JSON.parse(readFileSync(out, 'utf8')); } catch { return []; } })();`,
        `seen.push({ check: process.env.${CHECK_RUN_ENV} ?? null, crashed: process.env.${CRASHED_ENV} ?? null, limit: ${heapLimitMb} });`,
        `writeFileSync(out, JSON.stringify(seen));`,
        `const send = (m) => new Promise((r) => process.send(m, undefined, {}, r));`,
        `if (process.env.${CRASHED_ENV}) await send({ promptgate: 'concluded' });`,
        `else {`,
        `  await send({ promptgate: 'action' });`,
        `  await send({ promptgate: 'check-run', id: Number(process.env.${CHECK_RUN_ENV} ?? 77) });`,
        `  ${dies}`,
        `}`,
      ].join('\n'),
    );

  it('an out-of-memory rerun reports to the check run the first attempt started, and a rerun that dies too gets it concluded', async () => {
    const { target, out } = attempt('oom-twice', 'process.abort();');
    const lines: string[] = [];
    const code = await launch({ target, args: [], env: { PATH: process.env.PATH }, execArgv: [], heapFlags: ['--max-old-space-size=32'], log: (l) => lines.push(l), output: 'ignore' });
    expect(code).toBe(134);
    const seen = read(out) as { check: string | null; crashed: string | null; limit: number }[];
    expect(seen).toHaveLength(3);
    // First attempt: a new check run. Rerun with Node's defaults: the same check run. Then only the conclusion.
    expect(seen.map((s) => s.check)).toEqual([null, '77', '77']);
    expect(seen[1]!.limit).toBeGreaterThan(seen[0]!.limit);
    expect(seen[0]!.crashed).toBeNull();
    expect(seen[1]!.crashed).toBeNull();
    expect(JSON.parse(seen[2]!.crashed!)).toEqual({
      message: expect.stringMatching(/^promptgate crashed: the review ran out of memory, also on the rerun with Node's default heap limits \(SIGABRT\)\. .*NODE_OPTIONS/),
      cancelled: false,
    });
    expect(lines.join('\n')).toMatch(/completing the check run/);
  });

  it('a review that dies another way (killed, or an exit before it finished) is concluded once, without a rerun', async () => {
    const killed = attempt('killed', "process.kill(process.pid, 'SIGKILL');");
    expect(await launch({ target: killed.target, args: [], env: { PATH: process.env.PATH }, execArgv: [], ...quiet })).toBe(128 + 9);
    const seen = read(killed.out) as { check: string | null; crashed: string | null }[];
    expect(seen.map((s) => s.check)).toEqual([null, '77']);
    expect(JSON.parse(seen[1]!.crashed!).message).toMatch(/^promptgate crashed: the review process was killed \(SIGKILL/);

    const exited = attempt('exited', 'process.exit(3);');
    expect(await launch({ target: exited.target, args: [], env: { PATH: process.env.PATH }, execArgv: [], ...quiet })).toBe(3);
    expect(JSON.parse((read(exited.out) as { crashed: string }[])[1]!.crashed).message).toMatch(/exited with code 3 before it finished/);
  });

  it('nothing to conclude: a review that finished, and the CLI, which never asks', async () => {
    const finished = script(
      'finished',
      `await new Promise((r) => process.send({ promptgate: 'action' }, undefined, {}, r));\nawait new Promise((r) => process.send({ promptgate: 'concluded' }, undefined, {}, r));\nwriteFileSync(out, JSON.stringify({ crashed: process.env.${CRASHED_ENV} ?? null }));\nprocess.exitCode = 1;`,
    );
    expect(await launch({ target: finished.target, args: [], env: { PATH: process.env.PATH }, execArgv: [], ...quiet })).toBe(1);
    expect(read(finished.out)).toEqual({ crashed: null });
    const cli = script('cli', `writeFileSync(out, JSON.stringify({ crashed: process.env.${CRASHED_ENV} ?? null }));\nprocess.kill(process.pid, 'SIGKILL');`);
    expect(await launch({ target: cli.target, args: [], env: { PATH: process.env.PATH, [CRASHED_ENV]: 'set by someone else', [CHECK_RUN_ENV]: '5' }, execArgv: [], ...quiet })).toBe(137);
    expect(read(cli.out)).toEqual({ crashed: null });
  });
});

describe('launch: an orphaned review does not outlive its launcher', () => {
  const ROOT = resolve('.');
  // Whatever a failed run of this test leaves behind is ended, by pid.
  const started: number[] = [];
  afterAll(() => {
    for (const pid of started) if (running(pid)) process.kill(pid, 'SIGKILL');
  });

  /**
   * A launcher in its own process (so the test can SIGKILL it) in front of a review that installs the real
   * handling of a launcher's death (src/launch.ts, src/interrupt.ts) and then does `then`. Resolves with the launcher
   * and the review's pid, once the review is running.
   */
  async function orphanable(name: string, setup: string, then: string) {
    const child = script(
      name,
      `import { interruptions } from ${JSON.stringify(join(ROOT, 'src/interrupt.ts'))};\nimport { watchLauncher } from ${JSON.stringify(join(ROOT, 'src/launch.ts'))};\n${setup}\nwriteFileSync(out, JSON.stringify({ pid: process.pid }));\n${then}`,
    );
    const main = join(dir, `${name}-launcher.mjs`);
    writeFileSync(
      main,
      `import { launch } from ${JSON.stringify(join(ROOT, 'src/launch.ts'))};\nprocess.exitCode = await launch({ target: ${JSON.stringify(child.target)}, args: [], output: 'ignore' });\n`,
    );
    const launcher = spawn(process.execPath, ['--import', 'tsx', main], { cwd: ROOT, stdio: 'ignore', env: { PATH: process.env.PATH } });
    started.push(launcher.pid!);
    await until(() => existsSync(child.out), `${name}: the review to start`);
    const pid = (read(child.out) as { pid: number }).pid;
    started.push(pid);
    return { launcher, pid };
  }

  it('killed outright, its launcher leaves a review that ends within seconds — also one stuck in synchronous work', async () => {
    const [busy, held] = await Promise.all([
      // Spins on the CPU once its watchdog thread runs: no timer or event of its own can fire any more.
      // (The interval stands for the review's own work, which keeps a real process alive until then.)
      orphanable('busy', 'setInterval(() => {}, 1000);\nawait watchLauncher(() => {});', 'for (;;) {}'),
      // Takes the interruption but keeps a timer: only the hard exit ends it.
      orphanable('held', 'interruptions(() => {});', 'setInterval(() => {}, 1000);'),
    ]);
    const killedAt = Date.now();
    busy.launcher.kill('SIGKILL');
    held.launcher.kill('SIGKILL');
    expect(running(busy.pid) && running(held.pid)).toBe(true);
    await until(() => !running(busy.pid) && !running(held.pid), 'the orphaned reviews to end', 40_000);
    expect(Date.now() - killedAt).toBeLessThan(ORPHAN_KILL_MS + 10_000);
  });
});

describe("the Action's launcher", () => {
  it('turns on Node’s compile cache for the child where Node has one (22 and later), in this user’s cache directory, never when it is turned off', () => {
    const hasCache = Number(process.versions.node.split('.')[0]) >= 22;
    const cacheHome = mkdtempSync(join(tmpdir(), 'promptgate-cache-home-'));
    const child = withCompileCache({ XDG_CACHE_HOME: cacheHome }).NODE_COMPILE_CACHE;
    expect(child !== undefined).toBe(hasCache);
    // Not Node's default in the shared temp directory: a folder only this user may write to.
    if (hasCache) {
      expect(child).toBe(join(cacheHome, 'promptgate', 'node-compile-cache'));
      expect(statSync(child!).mode & 0o077).toBe(0);
    }
    expect(withCompileCache({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(withCompileCache({ NODE_COMPILE_CACHE: '/somewhere' }).NODE_COMPILE_CACHE).toBe('/somewhere');
  });
});
