// Loaded with `node --require` (CommonJS: `--import` would start Node's ESM loader, ~10 ms the bin itself does not
// pay) by bench/run.ts into the `promptgate` bin; the launcher passes its Node options on,
// so the launcher and the review process each append one line here when they exit: peak RSS and CPU time.
const { appendFileSync, existsSync, readFileSync } = require('node:fs');

/** Private memory (kB) in /proc/self/smaps_rollup on Linux: the RSS that is not pages of files shared with others. */
function privateKb() {
  if (!existsSync('/proc/self/smaps_rollup')) return undefined;
  const text = readFileSync('/proc/self/smaps_rollup', 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return kb('Private_Clean') + kb('Private_Dirty');
}

const file = process.env.PROMPTGATE_BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const role = process.env.PROMPTGATE_LAUNCHED ? 'review' : 'launcher';
    appendFileSync(file, JSON.stringify({ role, pid: process.pid, maxRssKb: u.maxRSS, privateKbAtExit: privateKb(), cpuUs: u.userCPUTime + u.systemCPUTime }) + '\n');
  });
}
