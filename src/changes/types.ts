/** A file changed between base and head, as git or the PR files API reports it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** For renames: the path at base. */
  previousPath?: string;
}
