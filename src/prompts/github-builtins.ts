import type { AssertionSpec } from '../assertions/schema.js';

/**
 * GitHub Models' built-in evaluators (`uses: github/<name>` in a `.prompt.yml`), as `gh models eval` defines them
 * (github/gh-models, cmd/eval/builtins.go, after Microsoft PromptFlow's quality evaluators): an LLM judge on
 * `openai/gpt-4o` that rates one quality 1–5 from the row's `input` (and `expected`) and the model's answer
 * (`{{completion}}`), scored 1 → 0, 2 → 0.25, 3 → 0.5, 4 → 0.75, 5 → 1.
 *
 * The rubric wording below is promptgate's own statement of the same metrics (the same scale, variables, grader
 * model and scores), not GitHub's text, so a judge may occasionally rate a borderline answer one step apart from
 * `gh models eval`. Like every `llm` evaluator here, it passes at a score ≥ 0.5 (a rating of 3 or more).
 */
const GRADER_MODEL = 'openai/gpt-4o';

const FIVE_STARS = [
  { choice: '1', score: 0 },
  { choice: '2', score: 0.25 },
  { choice: '3', score: 0.5 },
  { choice: '4', score: 0.75 },
  { choice: '5', score: 1 },
];

const SYSTEM =
  'You rate one quality of an answer written by an AI system, on a scale from 1 (worst) to 5 (best), using the ' +
  'definition and the scale you are given. Reason briefly if you need to, then give the rating alone, as a single ' +
  'digit, on the last line.';

const rubric = (definition: string, scale: string[], data: string): string =>
  `${definition}\n\nRating scale:\n${scale.map((s, i) => `${i + 1}: ${s}`).join('\n')}\n\n${data}\n\n` +
  'Rating (a single digit from 1 to 5, alone on the last line):';

const PROMPTS: Record<string, string> = {
  similarity: rubric(
    'Similarity: how closely the predicted answer matches the correct answer in meaning and information. Wording may differ; facts and conclusions should agree.',
    [
      'not similar at all: different or contradicting information',
      'mostly different: only a small part agrees',
      'partly similar: the main point agrees but important details are missing or wrong',
      'mostly similar: agrees on everything important, with minor omissions or extras',
      'equivalent: says the same thing as the correct answer',
    ],
    'Question: {{input}}\nCorrect answer: {{expected}}\nPredicted answer: {{completion}}',
  ),
  coherence: rubric(
    'Coherence: whether the response presents its ideas in a logical, connected order that a reader can follow, and addresses the query.',
    [
      'incoherent: disconnected words or fragments, no meaningful sentences',
      'barely coherent: fragments with relevant words but no clear structure',
      'partly coherent: relevant, but the order of ideas or the links between them are unclear',
      'coherent: logically ordered, clear connections and transitions',
      'highly coherent: a seamless, well-organised progression that fully addresses the query',
    ],
    'Query: {{input}}\nResponse: {{completion}}',
  ),
  fluency: rubric(
    'Fluency: the quality of the writing itself: grammar, word choice, sentence structure and readability, regardless of whether the content is correct.',
    [
      'not fluent: pervasive errors make it hard to understand',
      'poor: frequent errors and awkward, simple phrasing',
      'adequate: understandable, with some errors or awkwardness',
      'fluent: well written, few if any errors, varied sentences',
      'highly fluent: polished, precise and natural throughout',
    ],
    'Response: {{completion}}',
  ),
  relevance: rubric(
    'Relevance: how well the response answers the query with pertinent, complete information, without drifting off topic.',
    [
      'irrelevant: does not address the query',
      'slightly relevant: touches the topic but does not answer',
      'partly relevant: answers only part of the query, or answers it vaguely',
      'relevant: answers the query with the information it needs',
      'fully relevant: answers the query completely and precisely, with useful context',
    ],
    'Query: {{input}}\nResponse: {{completion}}',
  ),
  groundedness: rubric(
    'Groundedness: whether every claim in the response is supported by the given context, without adding unsupported or contradicting information.',
    [
      'ungrounded: unrelated to the context, or contradicts it',
      'mostly ungrounded: related, but most claims are not supported by the context',
      'partly grounded: some claims are supported, others are not',
      'mostly grounded: supported by the context, with a minor unsupported detail',
      'fully grounded: every claim follows from the context',
    ],
    'Context: {{expected}}\nQuery: {{input}}\nResponse: {{completion}}',
  ),
};

export const GITHUB_BUILTIN_EVALUATORS = Object.keys(PROMPTS).map((name) => `github/${name}`);

/** The `llm_rubric` for `uses: github/<name>`, or undefined when promptgate does not know that evaluator. */
export function githubBuiltinEvaluator(uses: string): AssertionSpec | undefined {
  const name = /^github\/(.+)$/.exec(uses)?.[1];
  const prompt = name !== undefined && Object.hasOwn(PROMPTS, name) ? PROMPTS[name] : undefined;
  if (prompt === undefined) return undefined;
  return { type: 'llm_rubric', value: prompt, model: GRADER_MODEL, system: SYSTEM, choices: FIVE_STARS };
}
