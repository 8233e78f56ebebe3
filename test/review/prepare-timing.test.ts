import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFetch } from '../../src/providers/http-fetch.js';
import { PREPARE_AFTER_MS, whenCallsAreOut } from '../../src/review/sampling.js';

/**
 * The statistics' and the report's sample-free preparation fills the wait for the first answers; started earlier,
 * it delayed the first calls themselves (docs/architecture.md, "Start-up").
 */
describe('whenCallsAreOut', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('runs the work only once a connection to a model is made, and not at once then', async () => {
    let connectedAt = 0;
    server.once('connection', () => (connectedAt = performance.now()));
    let ranAt = 0;
    const ran = new Promise<void>((done) =>
      whenCallsAreOut(() => {
        ranAt = performance.now();
        done();
      }),
    );
    await new Promise((tick) => setImmediate(tick));
    expect(ranAt).toBe(0);
    void nodeFetch(url);
    await ran;
    expect(connectedAt).toBeGreaterThan(0);
    // Timers may fire a fraction of a millisecond early against performance.now().
    expect(ranAt - connectedAt).toBeGreaterThanOrEqual(PREPARE_AFTER_MS - 2);
  });

  it('never runs the work once cancelled: the sampling ended first, or no model was called', async () => {
    let ran = false;
    const cancel = whenCallsAreOut(() => {
      ran = true;
    });
    cancel();
    // A second watcher, set after the cancelled one and run by the same connection: the first had its chance too.
    const second = new Promise<void>((done) => whenCallsAreOut(done));
    await nodeFetch(url);
    await second;
    expect(ran).toBe(false);
  });
});
