import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { warmReportCode } from '../../src/report/warm.js';

describe('warmReportCode', () => {
  it('builds, parses and renders the made-up report it is given, and resolves whatever happens', async () => {
    const skeleton = { schema_version: 1, verdict: 'skipped', base: 'a', head: 'b', confidence: 0.95, suites: [] } as unknown as Report;
    const copy = structuredClone(skeleton);
    let built = 0;
    await warmReportCode(() => {
      built++;
      return skeleton;
    });
    expect(built).toBe(1);
    expect(skeleton).toEqual(copy);
    // A report that does not parse, or a build that throws, is the report's own business later: the head start never rejects.
    await expect(warmReportCode(() => ({ nonsense: true }) as unknown as Report)).resolves.toBeUndefined();
    await expect(
      warmReportCode(() => {
        throw new Error('no');
      }),
    ).resolves.toBeUndefined();
  });
});
