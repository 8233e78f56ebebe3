import { z } from 'zod';

/** A file changed between base and head, as git or the PR files API reports it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** For renames: the path at base. */
  previousPath?: string;
}

/**
 * The kind of change a suite has between base and head: what changed decides which gate rules apply. It is the
 * change's, so it lives here; the gate's verdicts (src/gate/verdict.ts) and the report's schema hold it as it is.
 */
export const ChangeKindSchema = z.enum(['modified', 'added', 'deleted', 'renamed', 'settings', 'cases_only', 'unchanged']);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;
