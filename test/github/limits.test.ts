import { describe, expect, it } from 'vitest';
import { fitLine, fitMarkdown } from '../../src/github/limits.js';

describe('fitMarkdown', () => {
  it('returns text within the limit as it is', () => {
    expect(fitMarkdown('short', 5, 'cut')).toEqual({ text: 'short', cut: false });
  });

  it('cuts at a line, closes an open fence and every open <details>, and ends with the notice', () => {
    const text = ['<details><summary>a</summary>', '<details><summary>b</summary>', '', '~~~~', ...Array.from({ length: 200 }, (_, i) => `line ${i}`), '~~~~', '</details>', '</details>'].join('\n');
    const { text: out, cut } = fitMarkdown(text, 600, 'Cut to fit.');
    expect(cut).toBe(true);
    expect(out.length).toBeLessThanOrEqual(600);
    expect(out).toMatch(/\nline \d+\n~~~~\n<\/details>\n<\/details>\n\n_Cut to fit\._\n$/);
  });

  it('does not treat a fence of another kind, or <details> inside code, as structure', () => {
    const text = ['```', '~~~', '<details>', ...Array.from({ length: 100 }, (_, i) => `code ${i}`)].join('\n');
    const out = fitMarkdown(text, 300, 'cut').text;
    expect(out).toMatch(/code \d+\n```\n\n_cut_\n$/);
    expect(out).not.toContain('</details>');
  });

  it('never splits a surrogate pair', () => {
    const text = '🙂'.repeat(1000);
    for (const limit of [101, 102, 103]) {
      const out = fitMarkdown(text, limit, 'c').text;
      expect(out.length).toBeLessThanOrEqual(limit);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('fitLine', () => {
  it('makes one line of at most the limit, with an ellipsis when cut', () => {
    expect(fitLine('a\n  b', 10)).toBe('a b');
    expect(fitLine('abcdefghijkl', 10)).toBe('abcdefghi…');
    expect(fitLine('abcdefgh🙂🙂', 10)).toBe('abcdefgh…');
  });
});
