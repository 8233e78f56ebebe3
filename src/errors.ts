/**
 * An error a user can act on: which file (and line or case), what was expected, how to fix it.
 * Every edge that reads outside input throws this instead of a bare Error, so the CLI and the Action can print
 * one clear message and the exit code `2` (see docs/contract.md §7).
 */
export interface ErrorLocation {
  /** Path relative to the repo root where known, else as given. */
  file?: string;
  /** 1-based line in `file`, where known. */
  line?: number;
  /** 1-based column in `file`, where known. */
  column?: number;
  /** Eval case id, where the problem is one case's. */
  caseId?: string;
}

export class PromptgateError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly caseId?: string;
  /** How to fix it, one sentence. */
  readonly hint?: string;

  constructor(message: string, where: ErrorLocation & { hint?: string; cause?: unknown } = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'PromptgateError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.caseId = where.caseId;
    this.hint = where.hint;
  }

  /** `file:line:col: message (case X)\n  hint` — the one line a user reads. */
  format(): string {
    let at = this.file ?? '';
    if (at && this.line !== undefined) at += `:${this.line}`;
    if (at && this.line !== undefined && this.column !== undefined) at += `:${this.column}`;
    let text = at ? `${at}: ${this.message}` : this.message;
    if (this.caseId !== undefined && !this.message.includes(this.caseId)) text += ` (case "${this.caseId}")`;
    if (this.hint) text += `\n  hint: ${this.hint}`;
    return text;
  }
}

export function formatError(err: unknown): string {
  if (err instanceof PromptgateError) return err.format();
  if (err instanceof Error) return err.message;
  return String(err);
}
