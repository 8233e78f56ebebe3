/**
 * The Action on `schedule`, `workflow_dispatch` and `push` to the default branch: drift monitoring (and warming the
 * response cache for pull requests). Loaded only for those events.
 */
export async function runMonitorAction(_opts: { signal?: AbortSignal; forceStop?: AbortSignal } = {}): Promise<void> {
  throw new Error('monitor mode is not available in this build');
}
