import { parseEvent, pullRequestOf } from '../github/event.js';
import { enterRun, forkReport, makeClient, newRunState, openCheck, readEventPayload, readInputs, registerSecrets, reviewInto, runAndFinish, trustedConfig, type StopSignals } from './shell.js';

/**
 * The review path: `pull_request`, `pull_request_target`, `merge_group`, and the pushes and dispatches that compare
 * two commits. Reads inputs and the event, starts the check run on the head, reviews the checkout, and `finish`
 * (shell.ts) writes the JSON report, the sticky comment, the check, the job summary and the outputs.
 */
export async function runReviewEvent(opts: StopSignals): Promise<void> {
  const s = newRunState();
  await runAndFinish(s, opts, async () => {
    await enterRun(s);
    const env = process.env;
    registerSecrets(env);
    const inputs = (s.inputs = readInputs());
    const event = (s.event = parseEvent(env.GITHUB_EVENT_NAME ?? '', await readEventPayload(env.GITHUB_EVENT_PATH), env));
    makeClient(s, inputs, event.owner, event.repo);
    await openCheck(s);
    if (s.crash) return;

    const pr = pullRequestOf(event);
    if (pr?.isFork && pr.kind === 'pull_request' && !inputs['api-key'] && !env.OPENAI_API_KEY) {
      s.report = forkReport(pr);
      return;
    }
    // A fork's head is never trusted, whatever the event: under `pull_request` a fork has secrets only where the
    // repository forwards them (a self-hosted runner's environment, "send secrets to workflows from forks"), and then
    // it is reviewed exactly as under `pull_request_target` (docs/security.md).
    const trustedSide = event.kind === 'pull_request_target' || pr?.isFork ? 'base' : 'head';
    const config = await trustedConfig(s, trustedSide);
    s.report = await reviewInto(s, { trustedSide, config }, opts);
  });
}
