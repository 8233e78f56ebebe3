import { createHash } from 'node:crypto';
import type { FakeReply, FakeRequest, Responder } from '../../tools/fake-llm/index.js';

/**
 * A simulated support-triage model for the demo: it stands in for a real LLM so the demo runs offline, and it
 * behaves the way real models do on this task. It knows each ticket's true label (from the eval set) and gets it
 * right with a probability that depends on the prompt: a prompt that lists the allowed labels and asks for one word
 * gets exact labels more often; a vague prompt gets free-form answers ("Category: Billing", "technical issue")
 * that an `equals` assertion rejects. Every reply is a deterministic function of (model, messages, sample index),
 * so reruns, retries and caching never change a result.
 */
export const LABELS = ['billing', 'bug', 'account', 'feature_request', 'other'] as const;

const SYNONYMS: Record<string, string[]> = {
  billing: ['Billing', 'billing issue', 'Category: Billing', 'payment problem'],
  bug: ['technical issue', 'Bug report', 'Category: Bug', 'bug'],
  account: ['account access', 'Account', 'login problem', 'account'],
  feature_request: ['feature request', 'Feature Request', 'enhancement', 'feature_request'],
  other: ['general inquiry', 'Other', 'other', 'not a support issue'],
};

function unit(...parts: (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export function triageModel(answers: Map<string, string>): Responder {
  return (req: FakeRequest): FakeReply => {
    const system = req.messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n');
    const user = [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const ticket = user.replace(/^Ticket:\s*/, '').trim();
    const truth = answers.get(ticket) ?? 'other';
    const draw = (what: string) => unit(req.model, JSON.stringify(req.messages), req.sampleIndex, what);
    const listsLabels = LABELS.every((l) => system.includes(l));
    const strict = /exactly one label|nothing else/i.test(system);
    // Some tickets are simply harder (ambiguous between two teams); the same ones under either prompt.
    const difficulty = unit('difficulty', ticket);
    const pRight = listsLabels ? 0.99 - 0.5 * difficulty ** 4 : 0.95 - 0.45 * difficulty ** 2;
    const right = draw('label') < pRight;
    const others = LABELS.filter((l) => l !== truth);
    const label = right ? truth : others[Math.floor(draw('confusion') * others.length)]!;
    let content: string;
    if (strict) {
      content = draw('format') < 0.02 ? `${label}.` : label;
    } else {
      const words = SYNONYMS[label]!;
      content = draw('format') < 0.45 ? words[Math.floor(draw('word') * words.length)]! : label;
      if (draw('verbose') < 0.1) content = `I think this ticket is about ${content}.`;
    }
    const promptTokens = Math.ceil(req.messages.reduce((n, m) => n + m.content.length, 0) / 4);
    const completionTokens = Math.max(1, Math.ceil(content.length / 4));
    const latencyMs = Math.round(60 + promptTokens * 0.25 + completionTokens * 6 + draw('latency') * 40);
    return { content, latencyMs, usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens } };
  };
}

/** Load the answer key from an eval set in JSONL (`vars.ticket` → `expected`). */
export function answersFromJsonl(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { vars: { ticket: string }; expected: string };
    map.set(row.vars.ticket.trim(), row.expected);
  }
  return map;
}
