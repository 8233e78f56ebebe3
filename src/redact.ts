/**
 * Secrets the run knows, kept out of everything promptgate writes (docs/security.md).
 *
 * Masking in the Actions log (`core.setSecret`) covers the log only: the PR comment, the check run, the job
 * summary, the JSON report and error messages are ours to clean. Every secret is registered here once (the API key
 * from an input or from the env var the config names, the GitHub token, the userinfo and token-like query values of
 * every endpoint URL) and every rendered text passes through {@link Secrets.redact}. Known token shapes (`Bearer …`,
 * `sk-…`, GitHub tokens, `user:password@` in a URL) are redacted as well, whether registered or not: a provider that
 * echoes a header we never saw must not put it in a public comment.
 */

export const REDACTED = '***';

/** Shorter values are not registered: masking "a" or "123" everywhere would garble the note and hide nothing. */
const MIN_SECRET_LENGTH = 6;

/** Query parameters whose values are credentials in the wild (Azure `api-key`, Google `key`, SAS `sig`, …). */
const SECRET_QUERY = /^(api[-_]?key|key|token|access[-_]?token|auth|authorization|sig|signature|secret|password|pass|code|client[-_]?secret)$/i;

/**
 * Token shapes redacted wherever they appear. Each keeps its prefix so a reader still sees what kind of thing was
 * there ("Bearer ***"), and none can match across whitespace, so a long text is scanned in linear time.
 */
const TOKEN_SHAPES: [RegExp, string][] = [
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{12,}/g, `sk-${REDACTED}`],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, REDACTED],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, REDACTED],
  // userinfo in a URL: scheme://user:password@host → scheme://***@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${REDACTED}@`],
];

export class Secrets {
  private readonly values = new Set<string>();
  private pattern: RegExp | null = null;
  private readonly listeners: ((value: string) => void)[] = [];

  /** Register a secret value (ignored when empty or too short to be one). Returns it, for inline use. */
  add<T extends string | undefined | null>(value: T): T {
    if (typeof value !== 'string') return value;
    const v = value.trim();
    if (v.length < MIN_SECRET_LENGTH || this.values.has(v)) return value;
    this.values.add(v);
    // The forms a value takes when it is put into a URL or a JSON string, so neither slips past.
    for (const form of [encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]) if (form !== v) this.values.add(form);
    this.pattern = null;
    for (const l of this.listeners) l(v);
    return value;
  }

  /** Register the credentials a URL carries: its userinfo, and the values of token-like query parameters. */
  addUrl(url: string | undefined): void {
    if (!url) return;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return;
    }
    if (u.password) this.add(decodeURIComponent(u.password));
    if (u.username && u.password) this.add(decodeURIComponent(u.username));
    else if (u.username) this.add(decodeURIComponent(u.username)); // a token used as the user name
    for (const [k, v] of u.searchParams) if (SECRET_QUERY.test(k)) this.add(v);
  }

  /** Called for every secret registered from now on, and for those registered already (the Action masks them). */
  onAdd(listener: (value: string) => void): void {
    this.listeners.push(listener);
    for (const v of this.values) listener(v);
  }

  /** The text with every registered secret and every known token shape replaced by `***`. */
  redact(text: string): string {
    if (text.length === 0) return text;
    let out = text;
    if (this.values.size > 0) {
      // Longest first, so a secret that contains another is replaced whole.
      this.pattern ??= new RegExp(
        [...this.values]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      out = out.replace(this.pattern, REDACTED);
    }
    for (const [re, by] of TOKEN_SHAPES) out = out.replace(re, by);
    return out;
  }

  /** A copy of a JSON-like value with every string (keys too) redacted. Iterative: depth cannot overflow the stack. */
  redactDeep<T>(value: T): T {
    const clean = (v: unknown): unknown => (typeof v === 'string' ? this.redact(v) : v);
    if (typeof value !== 'object' || value === null) return clean(value) as T;
    const root: unknown = Array.isArray(value) ? [] : {};
    const stack: [unknown, Record<string, unknown> | unknown[]][] = [[value, root as Record<string, unknown>]];
    while (stack.length > 0) {
      const [from, to] = stack.pop()!;
      for (const [k, v] of Object.entries(from as object)) {
        let copy: unknown = clean(v);
        if (typeof v === 'object' && v !== null) {
          copy = Array.isArray(v) ? [] : {};
          stack.push([v, copy as Record<string, unknown>]);
        }
        if (Array.isArray(to)) to[Number(k)] = copy;
        else to[this.redact(k)] = copy;
      }
    }
    return root as T;
  }
}

/**
 * The process's one registry: the CLI and the Action register what they are given, review() what it looks up,
 * and every edge redacts what it writes.
 */
export const secrets = new Secrets();

/** A URL fit to print: no userinfo, token-like query values replaced. Not a URL: the text, redacted. */
export function safeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return secrets.redact(url);
  }
  u.username = '';
  u.password = '';
  for (const k of [...u.searchParams.keys()]) if (SECRET_QUERY.test(k)) u.searchParams.set(k, REDACTED);
  return secrets.redact(u.toString().replace(/\/$/, url.endsWith('/') ? '/' : ''));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Environment variable names that hold credentials by convention (`OPENAI_API_KEY`, `GH_TOKEN`, `DB_PASSWORD`, …). */
const SECRET_ENV_NAME = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|CREDENTIALS?)$/i;

/** Register the value of every environment variable whose name says it holds a credential. */
export function registerEnvSecrets(env: Record<string, string | undefined>, registry: Secrets = secrets): void {
  for (const [name, value] of Object.entries(env)) if (value && SECRET_ENV_NAME.test(name)) registry.add(value);
}
