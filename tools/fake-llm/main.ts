/** `tsx tools/fake-llm/main.ts --port 4010 --latency 200 --rpm 600`: the local OpenAI-compatible server, by hand. */
import { parseArgs } from 'node:util';
import { startFakeLlm } from './index.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4010' }, latency: { type: 'string', default: '0' }, rpm: { type: 'string' }, 'api-key': { type: 'string' } },
});
const server = await startFakeLlm({
  port: Number(values.port),
  latencyMs: Number(values.latency),
  rpm: values.rpm ? Number(values.rpm) : undefined,
  apiKey: values['api-key'],
});
process.stdout.write(`fake OpenAI-compatible server on ${server.url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
