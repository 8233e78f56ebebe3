/**
 * The local OpenAI-compatible server, by hand:
 *   tsx tools/fake-llm/main.ts --port 4010 --latency 200 --rpm 600
 * Faults as rates in [0, 1]: --rate429 0.05 --rate5xx 0.02 --hang 0.01 --reset 0.01 --truncated 0 --non-json 0
 * --empty-choices 0 (seeded by --fault-seed). A provider slow at first: --slow-latency 800 with --slow-requests 50
 * (the first 50 requests) and/or --slow-ms 5000 (the first 5 s), --latency after. Prints its URL, then runs until
 * SIGINT/SIGTERM. --responder pass-probability: answers PASS with the probability the prompt's
 * `pass-probability=0.9` states (passProbabilityResponder), else the default echo.
 */
import { parseArgs } from 'node:util';
import { echoResponder, passProbabilityResponder, slowStart, startFakeLlm, type FaultRates, type LatencySchedule } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
    'slow-latency': { type: 'string' },
    'slow-requests': { type: 'string' },
    'slow-ms': { type: 'string' },
    rpm: { type: 'string' },
    'window-ms': { type: 'string' },
    'api-key': { type: 'string' },
    'fault-seed': { type: 'string' },
    rate429: { type: 'string' },
    rate5xx: { type: 'string' },
    hang: { type: 'string' },
    reset: { type: 'string' },
    truncated: { type: 'string' },
    'non-json': { type: 'string' },
    'empty-choices': { type: 'string' },
    responder: { type: 'string', default: 'echo' },
  },
});

const number = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`--${name} must be a non-negative number, got "${text}"\n`);
    process.exit(2);
  }
  return n;
};

const faults: FaultRates = {
  rate429: number('rate429', values.rate429),
  rate5xx: number('rate5xx', values.rate5xx),
  hang: number('hang', values.hang),
  reset: number('reset', values.reset),
  truncated: number('truncated', values.truncated),
  nonJson: number('non-json', values['non-json']),
  emptyChoices: number('empty-choices', values['empty-choices']),
};
const latency = number('latency', values.latency) ?? 0;
const slowMs = number('slow-latency', values['slow-latency']);
const slowRequests = number('slow-requests', values['slow-requests']);
const slowFor = number('slow-ms', values['slow-ms']);
if (slowMs !== undefined && slowRequests === undefined && slowFor === undefined) {
  process.stderr.write('--slow-latency needs --slow-requests N and/or --slow-ms MS: how long the slow start lasts\n');
  process.exit(2);
}
const schedule: LatencySchedule = slowMs === undefined ? latency : slowStart({ slowMs, thenMs: latency, requests: slowRequests, ms: slowFor });
const responders = { echo: echoResponder, 'pass-probability': passProbabilityResponder };
if (!(values.responder in responders)) {
  process.stderr.write(`--responder must be one of ${Object.keys(responders).join(', ')}, got "${values.responder}"\n`);
  process.exit(2);
}
const server = await startFakeLlm({
  responder: responders[values.responder as keyof typeof responders],
  port: number('port', values.port),
  host: values.host,
  latencyMs: schedule,
  rpm: number('rpm', values.rpm),
  windowMs: number('window-ms', values['window-ms']),
  apiKey: values['api-key'],
  faults,
  faultSeed: number('fault-seed', values['fault-seed']),
});
process.stdout.write(`fake OpenAI-compatible server on ${server.url}\n`);
const stop = () => {
  const s = server.stats();
  const twice = [...s.byKey.values()].filter((n) => n > 1).length;
  // One JSON line, read by tools/fake-llm/child.ts.
  process.stderr.write(`stats ${JSON.stringify({ requests: s.requests, completions: s.completions, faults: s.faults, keys: s.byKey.size, keysCompletedTwice: twice })}\n`);
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
