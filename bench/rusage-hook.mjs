// Loaded with `node --import` by bench/run.ts into the `promptgate` bin; the launcher passes its Node options on,
// so the launcher and the review process each append one line here when they exit: peak RSS and CPU time.
import { appendFileSync } from 'node:fs';

const file = process.env.PROMPTGATE_BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const role = process.env.PROMPTGATE_LAUNCHED ? 'review' : 'launcher';
    appendFileSync(file, JSON.stringify({ role, pid: process.pid, maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }) + '\n');
  });
}
