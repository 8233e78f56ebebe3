import { run } from './action.js';
import { interruptions } from './interrupt.js';

// The Action's process shell: a cancelled or timed-out job still reports (see interruptions and run).
const stops = interruptions((line) => process.stdout.write(`${line}\n`));
await run(stops);
// Calls abandoned in flight would hold the process open until they time out.
if (stops.forceStop.aborted) process.exit();
// Everything is written by now. Whatever else still holds the event loop (a keep-alive socket, a retry's wait, a
// timer in a library) must not keep the job's step running: it ends within seconds whatever it is.
setTimeout(() => process.exit(), 3_000).unref();
