import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../../src/cases/types.js';
import { candidateFirst, planRequests, shardSlice } from '../../src/plan/requests.js';
import type { PlannedSuite, PlannedVariant } from '../../src/plan/suites.js';
import { parsePromptFile } from '../../src/prompts/index.js';
import type { Endpoint, SampleRequest } from '../../src/run/types.js';

/** The order calls start in (docs/statistics.md, "Both variants meet the same provider"), and shards of it. */

function variant(text: string): PlannedVariant {
  return {
    path: 'p.txt',
    text,
    doc: parsePromptFile('p.txt', text),
    settings: { model: 'm', baseURL: 'http://127.0.0.1:9/v1', params: {}, apiKeyEnv: 'OPENAI_API_KEY' },
  };
}

function suite(n: number, repeats: number, over: Partial<PlannedSuite> = {}): PlannedSuite {
  const cases: EvalCase[] = Array.from({ length: n }, (_, i) => ({ id: `case-${i}`, vars: { q: `q${i}` }, tags: [], assert: [] }));
  return { name: 's', prompt: 'p.txt', change: 'modified', baseline: variant('old {{q}}'), candidate: variant('new {{q}}'), cases, assert: [], repeats, ...over };
}

const endpoint = (v: PlannedVariant): Endpoint => ({ baseURL: v.settings.baseURL, apiKey: 'k', model: v.settings.model, params: v.settings.params });
const label = (r: SampleRequest) => `${r.caseId}#${r.sampleIndex}:${r.variant}`;

describe('planRequests: both variants meet the same provider', () => {
  it('interleaves: case by case, sample by sample, the two variants of a pair adjacent', () => {
    const s = suite(40, 3);
    const requests = planRequests(s, endpoint);
    expect(requests).toHaveLength(40 * 3 * 2);
    for (let p = 0; p < requests.length / 2; p++) {
      const [a, b] = [requests[2 * p]!, requests[2 * p + 1]!];
      const caseIndex = Math.floor(p / 3);
      expect([a.caseId, a.sampleIndex]).toEqual([`case-${caseIndex}`, p % 3]);
      expect([b.caseId, b.sampleIndex]).toEqual([a.caseId, a.sampleIndex]);
      expect(new Set([a.variant, b.variant])).toEqual(new Set(['baseline', 'candidate']));
      expect(a.variant === 'candidate').toBe(candidateFirst('s', a.caseId, a.sampleIndex));
      expect(a.messages[0]!.content).toBe(a.variant === 'baseline' ? `old q${caseIndex}` : `new q${caseIndex}`);
    }
  });

  it('the coin: each variant first about half the time, and the same order on every plan', () => {
    const requests = planRequests(suite(100, 3), endpoint);
    const candidateFirstCount = requests.filter((r, i) => i % 2 === 0 && r.variant === 'candidate').length;
    // 300 fair coins: 150 ± 3 standard deviations (8.7 each).
    expect(candidateFirstCount).toBeGreaterThan(124);
    expect(candidateFirstCount).toBeLessThan(176);
    expect(planRequests(suite(100, 3), endpoint).map(label)).toEqual(requests.map(label));
  });

  it('a pair keeps its order when other cases come and go, so reruns and shards agree', () => {
    const full = planRequests(suite(30, 2), endpoint).map(label);
    const fewer = planRequests(suite(30, 2, { cases: suite(30, 2).cases.filter((_, i) => i % 3 !== 0) }), endpoint).map(label);
    expect(fewer).toEqual(full.filter((l) => Number(/case-(\d+)/.exec(l)![1]) % 3 !== 0));
    // Another suite name is another coin.
    const renamed = planRequests(suite(30, 2, { name: 't' }), endpoint).map(label);
    expect(renamed).not.toEqual(full);
  });

  it('one variant (an added prompt): case by case, sample by sample', () => {
    const requests = planRequests(suite(3, 2, { baseline: null, change: 'added' }), endpoint);
    expect(requests.map(label)).toEqual(['case-0#0:candidate', 'case-0#1:candidate', 'case-1#0:candidate', 'case-1#1:candidate', 'case-2#0:candidate', 'case-2#1:candidate']);
  });

  it('a missing variable still stops the plan, naming the file and the case', () => {
    const s = suite(3, 2, { candidate: variant('new {{q}} {{missing}}') });
    expect(() => planRequests(s, endpoint)).toThrow(/missing/);
  });
});

describe('shardSlice keeps pairs together', () => {
  const requests = [...planRequests(suite(25, 3), endpoint), ...planRequests(suite(7, 2, { name: 'added', baseline: null, change: 'added' }), endpoint)];

  for (const count of [2, 3, 4]) {
    it(`${count} shards: every request once, both calls of a pair in the same shard, the same mix in every shard`, () => {
      const shards = Array.from({ length: count }, (_, i) => shardSlice(requests, { index: i + 1, count }));
      expect(shards.flat().map(label).sort()).toEqual(requests.map(label).sort());
      expect(new Set(shards.flat().map((r) => `${r.suite}/${label(r)}`)).size).toBe(requests.length);
      for (const shard of shards) {
        // Pairs stay adjacent and whole within the shard: for every request of the paired suite, its partner is next to it.
        const paired = shard.filter((r) => r.suite === 's');
        expect(paired.length % 2).toBe(0);
        for (let i = 0; i < paired.length; i += 2) {
          expect([paired[i]!.caseId, paired[i]!.sampleIndex]).toEqual([paired[i + 1]!.caseId, paired[i + 1]!.sampleIndex]);
          expect(paired[i]!.variant).not.toBe(paired[i + 1]!.variant);
        }
        // The same number of pairs in every shard, to within one.
        expect(Math.abs(paired.length / 2 - 75 / count)).toBeLessThan(1);
        // Shard order is plan order.
        expect(shard.map((r) => requests.indexOf(r))).toEqual([...shard.map((r) => requests.indexOf(r))].sort((a, b) => a - b));
      }
    });
  }

  it('one shard, or none: everything', () => {
    expect(shardSlice(requests, undefined)).toBe(requests);
    expect(shardSlice(requests, { index: 1, count: 1 })).toBe(requests);
  });
});
