import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, userSetHeap } from '../src/launch.js';

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

describe('launch', () => {
  it('runs the target with the heap flags, the arguments and the exit code', async () => {
    const { target, out } = script('args', `writeFileSync(out, JSON.stringify({ limit: ${heapLimitMb}, args: process.argv.slice(2), launched: process.env.PROMPTGATE_LAUNCHED })); process.exitCode = 3;`);
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
    const running = launch({ target, args: [], env: { PATH: process.env.PATH }, execArgv: [], signals: signals as unknown as NodeJS.Process, ...quiet, onSpawn: (child) => child.once('message', () => signals.emit('SIGTERM', 'SIGTERM')) });
    expect(await running).toBe(7);
    expect(read(out).got).toBe('SIGTERM');
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('runs the target again with Node’s defaults when it runs out of memory under the flags', async () => {
    // Keeps ~120 MB alive: more than a 32 MB old space holds, nothing for Node's defaults.
    const { target, out } = script('oom', `const keep = []; for (let i = 0; i < 120; i++) keep.push(new Array(128 * 1024).fill(i));\nwriteFileSync(out, JSON.stringify({ limit: ${heapLimitMb}, kept: keep.length }));`);
    const lines: string[] = [];
    const code = await launch({ target, args: [], env: { PATH: process.env.PATH }, execArgv: [], heapFlags: ['--max-old-space-size=32'], log: (l) => lines.push(l), output: 'ignore' });
    expect(code).toBe(0);
    expect(read(out)).toMatchObject({ kept: 120 });
    expect(read(out).limit).toBeGreaterThan(200);
    expect(lines.join('\n')).toMatch(/ran out of memory under --max-old-space-size=32; running it again with Node's defaults/);
  });
});
