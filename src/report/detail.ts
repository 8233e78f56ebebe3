/**
 * How much a rendering of the note shows, and where it goes: the detail levels the note steps down through to fit
 * its size limit, what each step left out, and the few helpers every section uses to put outside text on a line.
 */
import { clip } from '../text.js';
import { escapeInline } from './escape.js';
import type { Verdict } from './schema.js';

export const ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '🛑', skipped: '⏭️' };

/**
 * How much detail a rendering includes. The note starts at `FULL_DETAIL` and gives detail up step by step, in a fixed
 * order, until it fits its size limit (see `DETAIL_LADDER` in markdown.ts).
 */
export interface Detail {
  /** Characters of diff shown per suite, in whole lines (0: the diff is left out). */
  diffChars: number;
  /** Characters shown per model output of a flipped case (0: outputs are left out). */
  outputChars: number;
  /** Rows of the by-tag table per suite. */
  tagRows: number;
  /** Regressions and fixes listed per suite (each). */
  flipped: number;
  /** The Tradeoffs table. */
  tradeoffs: boolean;
  /** Characters of free text from the PR (goal, rollout) and of messages. */
  textChars: number;
  /** Change, Eval result and the rest; without it a suite keeps its heading and its gate. */
  suiteBody: boolean;
}

export const FULL_DETAIL: Detail = { diffChars: 20_000, outputChars: 1_000, tagRows: 50, flipped: 10, tradeoffs: true, textChars: 1_000, suiteBody: true };

/** Identifiers and short texts from outside, shown in tables and lines. */
export const ID_CHARS = 100;
export const TAG_CHARS = 60;
export const REASON_CHARS = 300;
export const NAME_CHARS = 120;

/** Where the note goes decides whether HTML (`<details>`, alerts) is available: a terminal shows it raw. */
export type Target = 'comment' | 'summary' | 'check' | 'cli';

/** What a shortened rendering actually left out, for the line that says so; in the order detail is given up. */
export const CUTS = [
  'part of the diff',
  'the diff',
  'the end of long outputs',
  'model outputs',
  'by-tag rows',
  'the by-tag table',
  'flipped cases',
  'the flipped-case tables',
  'the tradeoff tables',
  'the end of long PR text',
  'everything but each suite’s headline and gate',
] as const;
export type Cut = (typeof CUTS)[number];

export interface RenderContext {
  target: Target;
  confidence: number;
  /** Why the run stopped early, when it did: no number in the note is then a settled measurement. */
  stopped: string | null;
  detail: Detail;
  /** Filled while rendering: each thing this rendering shows less of than the full note would. */
  cuts: Set<Cut>;
}

/** Outside text in a line or a table cell: clipped, then escaped. */
export const inline = (text: string, max: number) => escapeInline(clip(text, max));

/** Free text from the PR or a message, as long as the detail allows. */
export function freeText(text: string, ctx: RenderContext): string {
  if (ctx.detail.textChars < FULL_DETAIL.textChars && text.length > ctx.detail.textChars) ctx.cuts.add('the end of long PR text');
  return inline(text, ctx.detail.textChars);
}

/**
 * A section a reader opens on demand. The summary is our own text (HTML inside `<summary>` is not Markdown, so it
 * must not carry outside text); blank lines around the body let GitHub render its Markdown (CommonMark §4.6: an
 * HTML block ends at a blank line).
 */
export function collapsible(ctx: RenderContext, summary: string, body: string): string {
  if (ctx.target === 'cli') return `**${summary}**\n\n${body}`;
  return `<details><summary>${summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</summary>\n\n${body}\n\n</details>`;
}
