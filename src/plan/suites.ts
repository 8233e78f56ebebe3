import picomatch from 'picomatch';
import type { AssertionSpec } from '../assertions/schema.js';
import { parseCases, casesFromRows } from '../cases/index.js';
import type { EvalCase } from '../cases/types.js';
import type { ChangeKind, ChangedFile } from '../changes/types.js';
import type { Config, SuiteConfig } from '../config/schema.js';
import { checkCount } from '../config/limits.js';
import { closest } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { parsePromptFile } from '../prompts/index.js';
import { checkEvaluatorVariables } from '../prompts/github-models.js';
import type { PromptDoc } from '../prompts/types.js';
import { NO_FILE_SETTINGS, settingsChanges, variantSettings, type SettingsContext, type VariantSettings } from './settings.js';

/** One side of the comparison (base or head commit), as the edge read it. */
export interface Side {
  sha: string;
  config: Config | null;
  configFile: string | null;
  /** Every file path in the commit (for prompt globs). */
  files: string[];
  /** Cases the config itself carries (a promptfoo config's `tests`), keyed by the config file as a suite's `cases`. */
  cases?: EvalCase[];
  read(path: string): Promise<string | null>;
}

export interface PlannedVariant {
  path: string;
  text: string;
  doc: PromptDoc;
  settings: VariantSettings;
  /**
   * Settings the head's prompt file asked for that were not applied because only its text is trusted
   * (pull_request_target and comment events: docs/security.md), as "model: a → b" lines for the note.
   */
  ignoredSettings?: string[];
}

export interface PlannedSuite {
  name: string;
  prompt: string;
  previousPath?: string;
  change: ChangeKind;
  baseline: PlannedVariant | null;
  candidate: PlannedVariant | null;
  cases: EvalCase[];
  /** Assertions for every case (config `assert` + the prompt file's evaluators); cases add their own. */
  assert: AssertionSpec[];
  repeats: number;
  /** Why nothing runs (deleted prompt, no trusted eval set), for the note. */
  message?: string;
}

export interface PlanInput {
  base: Side;
  head: Side;
  /** Where config, eval sets and assertions come from: 'head', or 'base' under pull_request_target. */
  trusted: 'base' | 'head';
  changed: ChangedFile[];
  settings: SettingsContext;
  repeatsOverride?: number;
}

export const DEFAULT_REPEATS = 3;
const GITHUB_MODELS_PROMPT = /\.prompt\.ya?ml$/i;

/**
 * Which suites a change triggers, and with what (docs/contract.md §1): a change to the prompt file, to the model or runtime
 * settings it runs with, or (absolute pass rate only) to its cases or assertions. Both variants run on the same
 * cases: the trusted side's eval set.
 */
export async function planSuites(input: PlanInput): Promise<PlannedSuite[]> {
  const trustedSide = input.trusted === 'base' ? input.base : input.head;
  const config = trustedSide.config;
  const planned = config ? await planConfigured(input, config, trustedSide) : await planZeroConfig(input, trustedSide);
  checkCount('suites', planned.length, { file: trustedSide.configFile ?? undefined });
  return planned;
}

async function planConfigured(input: PlanInput, config: Config, trusted: Side): Promise<PlannedSuite[]> {
  const { base, head, changed } = input;
  const changedPaths = new Set(changed.flatMap((f) => [f.path, f.previousPath].filter((p): p is string => !!p)));
  const planned: PlannedSuite[] = [];
  // One parse per cases file per review, however many prompt files a glob matches (an eval set may be 64 MiB).
  const parsedCases = new Map<string, EvalCase[]>(trusted.cases && trusted.configFile ? [[trusted.configFile, trusted.cases]] : []);
  checkSuitePaths(config, trusted, input);
  for (const suite of config.suites) {
    const matches = picomatch(suite.prompt, { dot: true });
    // Settings at each side: the base's own suite definition for the baseline, unless config is trusted from base.
    const baseSuite = input.trusted === 'base' ? suite : (base.config?.suites.find((s) => s.name === suite.name) ?? suite);
    const baseConfig = input.trusted === 'base' ? config : (base.config ?? config);
    const headConfig = input.trusted === 'base' ? config : config;
    const targets = new Map<string, Target>();
    for (const f of changed) {
      if (matches(f.path) || (f.previousPath && matches(f.previousPath))) {
        targets.set(f.path, { path: f.path, previousPath: f.previousPath, kind: f.status });
      }
    }
    pairMoves(targets);
    const matched = head.files.filter((p) => matches(p));
    checkCount('promptFiles', matched.length, { file: trusted.configFile ?? undefined });
    for (const path of matched) {
      if (!targets.has(path) && !changedPaths.has(path)) targets.set(path, { path, kind: 'same' });
    }
    const several = targets.size > 1;
    for (const t of [...targets.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      const name = several ? `${suite.name} (${t.path})` : suite.name;
      const casesFile = suite.cases;
      if (t.kind === 'removed') {
        planned.push(emptySuite(name, t.path, 'deleted', suite, `${t.path} was deleted; nothing to compare.`, input));
        continue;
      }
      const baselinePath = t.kind === 'renamed' ? t.previousPath! : t.path;
      const baseline = t.kind === 'added' ? null : await variantAt(base, baselinePath, baseConfig, baseSuite, input);
      const candidate = input.trusted === 'base' ? await untrustedVariantAt(head, t.path, baseline, config, suite, input) : await variantAt(head, t.path, headConfig, suite, input);
      let change: ChangeKind;
      if (t.kind === 'same') {
        if (!baseline) continue;
        const settingsDiff = settingsChanges(baseline.settings, candidate.settings);
        const casesChanged = (casesFile !== undefined && changedPaths.has(casesFile)) || JSON.stringify(baseSuite.assert ?? []) !== JSON.stringify(suite.assert ?? []);
        if (settingsDiff.length > 0) change = 'settings';
        else if (casesChanged) change = 'cases_only';
        else continue;
      } else {
        change = t.kind === 'added' ? 'added' : t.kind === 'renamed' ? 'renamed' : 'modified';
      }
      const evalDoc = (input.trusted === 'base' ? baseline?.doc : candidate.doc) ?? null;
      const cases = await loadCases(trusted, casesFile, evalDoc, name, parsedCases);
      if (!cases) {
        planned.push(emptySuite(name, t.path, change, suite, 'No trusted eval set: under pull_request_target the cases come from the base commit, which has none for this prompt.', input));
        continue;
      }
      planned.push({
        name,
        prompt: t.path,
        previousPath: t.kind === 'renamed' ? t.previousPath : undefined,
        change,
        baseline: change === 'cases_only' ? null : baseline,
        candidate,
        cases,
        assert: [...(suite.assert ?? []), ...(evalDoc?.evaluators ?? [])],
        repeats: input.repeatsOverride ?? suite.repeats ?? DEFAULT_REPEATS,
      });
    }
  }
  return planned;
}

type Target = { path: string; previousPath?: string; kind: 'modified' | 'added' | 'removed' | 'renamed' | 'same' };

/**
 * A suite's one deleted prompt file and one added prompt file are a move, compared as a rename: the baseline is the
 * deleted file. git pairs a rename only when the two texts are similar, so a rewrite moved to a new name would
 * otherwise be an "added" prompt with nothing to compare (not gated) beside a deleted one — a regression that
 * passes by moving the file (docs/fail-closed.md).
 */
function pairMoves(targets: Map<string, Target>): void {
  const removed = [...targets.values()].filter((t) => t.kind === 'removed');
  const added = [...targets.values()].filter((t) => t.kind === 'added');
  if (removed.length !== 1 || added.length !== 1) return;
  targets.delete(removed[0]!.path);
  targets.set(added[0]!.path, { path: added[0]!.path, previousPath: removed[0]!.path, kind: 'renamed' });
}

/**
 * Fail closed (docs/fail-closed.md): a suite whose `prompt` matches no file, or whose `cases` file exists, at
 * neither commit is a typo, not "no prompt changes" — otherwise a required check would go green on a PR that edits
 * the real prompt.
 */
function checkSuitePaths(config: Config, trusted: Side, input: PlanInput): void {
  const at = (side: Side) => side.sha.slice(0, 7);
  const where = input.base === input.head ? `in ${at(input.head)}` : `at base ${at(input.base)} or head ${at(input.head)}`;
  const files = [...new Set([...input.head.files, ...input.base.files])];
  const guess = (path: string) => {
    const near = closest(path, files);
    return near ? `; did you mean ${near}?` : '';
  };
  for (const suite of config.suites) {
    const matches = picomatch(suite.prompt, { dot: true });
    if (!input.base.files.some((p) => matches(p)) && !input.head.files.some((p) => matches(p))) {
      throw new PromptgateError(`suite "${suite.name}": prompt "${suite.prompt}" matches no file ${where}`, {
        file: trusted.configFile ?? undefined,
        hint: `fix the suite's \`prompt:\` path or glob, relative to the repository root${guess(suite.prompt)}`,
      });
    }
    const cases = suite.cases;
    if (cases !== undefined && !input.base.files.includes(cases) && !input.head.files.includes(cases)) {
      throw new PromptgateError(`suite "${suite.name}": cases file "${cases}" is not there ${where}`, {
        file: trusted.configFile ?? undefined,
        hint: `fix the suite's \`cases:\` path, relative to the repository root${guess(cases)}`,
      });
    }
  }
}

/** Zero-config mode (docs/contract.md §2): every changed GitHub Models prompt file with `testData` is a suite of its own. */
async function planZeroConfig(input: PlanInput, trusted: Side): Promise<PlannedSuite[]> {
  const planned: PlannedSuite[] = [];
  for (const f of input.changed) {
    if (!GITHUB_MODELS_PROMPT.test(f.path)) continue;
    if (f.status === 'removed') {
      planned.push(emptySuite(f.path, f.path, 'deleted', null, `${f.path} was deleted; nothing to compare.`, input));
      continue;
    }
    const baselinePath = f.status === 'renamed' ? f.previousPath! : f.path;
    const baseline = f.status === 'added' ? null : await variantAt(input.base, baselinePath, null, null, input);
    const candidate = input.trusted === 'base' ? await untrustedVariantAt(input.head, f.path, baseline, null, null, input) : await variantAt(input.head, f.path, null, null, input);
    const evalDoc = input.trusted === 'base' ? baseline?.doc : candidate.doc;
    if (!evalDoc?.testData?.length) {
      if (input.trusted === 'base' && candidate.doc.testData?.length) {
        planned.push(emptySuite(f.path, f.path, 'added', null, 'No trusted eval set: under pull_request_target the testData comes from the base commit, which has none for this prompt.', input));
      }
      continue; // a prompt file without testData is not a suite
    }
    const cases = casesFromRows(evalDoc.testData, input.trusted === 'base' ? baselinePath : f.path);
    checkEvaluatorVariables(evalDoc);
    planned.push({
      name: candidate.doc.name ?? f.path,
      prompt: f.path,
      previousPath: f.status === 'renamed' ? f.previousPath : undefined,
      change: f.status === 'added' ? 'added' : f.status === 'renamed' ? 'renamed' : 'modified',
      baseline,
      candidate,
      cases,
      assert: evalDoc.evaluators ?? [],
      repeats: input.repeatsOverride ?? DEFAULT_REPEATS,
    });
    void trusted;
  }
  return planned;
}

async function readPrompt(side: Side, path: string): Promise<{ path: string; text: string; doc: PromptDoc }> {
  const text = await side.read(path);
  if (text === null) {
    throw new PromptgateError(`prompt file not found at ${side.sha.slice(0, 7)}`, { file: path, hint: "check the suite's `prompt` path or glob" });
  }
  return { path, text, doc: parsePromptFile(path, text) };
}

async function variantAt(side: Side, path: string, config: Config | null, suite: SuiteConfig | null, input: PlanInput): Promise<PlannedVariant> {
  const read = await readPrompt(side, path);
  return { ...read, settings: variantSettings(config, suite, read.doc, { ...input.settings, configFile: side.configFile }) };
}

/**
 * The head's version of a prompt when only its message text is trusted (pull_request_target, comment events):
 * everything that shapes the request or the bill — model, parameters, response format, evaluators — is the
 * base's (the base version of the file with the base config, or the base config alone for a prompt the PR adds).
 * What the head asked for instead is kept, unexpanded, to say in the note that it was not applied.
 * See docs/security.md.
 */
async function untrustedVariantAt(head: Side, path: string, baseline: PlannedVariant | null, config: Config | null, suite: SuiteConfig | null, input: PlanInput): Promise<PlannedVariant> {
  const read = await readPrompt(head, path);
  const ctx = { ...input.settings, configFile: input.base.configFile };
  const fromConfig = variantSettings(config, suite, NO_FILE_SETTINGS, ctx);
  const settings = baseline?.settings ?? fromConfig;
  const asked: VariantSettings = { ...fromConfig, model: read.doc.model ?? fromConfig.model, params: { ...fromConfig.params, ...read.doc.params } };
  const ignoredSettings = settingsChanges(settings, asked).filter((line) => !line.startsWith('endpoint:'));
  // The head's own evaluators and testData are not trusted either: the planner reads them from the base's file.
  const doc: PromptDoc = { ...read.doc, model: baseline?.doc.model, params: baseline?.doc.params ?? {} };
  return { ...read, doc, settings, ...(ignoredSettings.length ? { ignoredSettings } : {}) };
}

async function loadCases(side: Side, casesFile: string | undefined, doc: PromptDoc | null, suiteName: string, parsed: Map<string, EvalCase[]>): Promise<EvalCase[] | null> {
  if (casesFile) {
    const known = parsed.get(casesFile);
    if (known) return known;
    const text = await side.read(casesFile);
    if (text === null) {
      throw new PromptgateError(`cases file not found at ${side.sha.slice(0, 7)}`, {
        file: casesFile,
        hint: `create it, or fix the \`cases\` path of suite "${suiteName}" in the config`,
      });
    }
    const cases = parseCases(casesFile, text);
    parsed.set(casesFile, cases);
    return cases;
  }
  if (doc?.testData?.length) return casesFromRows(doc.testData, doc.path);
  if (doc === null) return null;
  throw new PromptgateError(`suite "${suiteName}" has no eval cases`, {
    file: side.configFile ?? undefined,
    hint: 'set `cases:` to a .jsonl/.json/.yaml/.csv file, or add `testData` to the .prompt.yml file',
  });
}

function emptySuite(name: string, prompt: string, change: ChangeKind, suite: SuiteConfig | null, message: string, input: PlanInput): PlannedSuite {
  return { name, prompt, change, baseline: null, candidate: null, cases: [], assert: suite?.assert ?? [], repeats: input.repeatsOverride ?? suite?.repeats ?? DEFAULT_REPEATS, message };
}
