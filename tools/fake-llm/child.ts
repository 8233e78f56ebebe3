import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What `main.ts` reports when it stops. */
export interface ChildStats {
  requests: number;
  completions: number;
  faults: Record<string, number>;
  keys: number;
  keysCompletedTwice: number;
}

/**
 * The fake server in its own process, for benchmarks: the benchmark's CPU time and peak RSS then measure
 * promptgate's side of the socket only. `args` are main.ts's flags (`--latency 200 --rpm 600`).
 */
export async function startFakeLlmProcess(args: string[]): Promise<{ url: string; stop(): Promise<ChildStats> }> {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, main, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /(http:\/\/\S+\/v1)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`fake server exited (${code}): ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<ChildStats>((resolve, reject) => {
        child.once('exit', () => {
          const line = /^stats (.*)$/m.exec(stderr);
          if (line) resolve(JSON.parse(line[1]!) as ChildStats);
          else reject(new Error(`fake server gave no stats: ${stderr}`));
        });
        child.kill('SIGTERM');
      }),
  };
}
