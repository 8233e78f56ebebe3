import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { warmReportCode } from '../../src/report/warm.js';

describe('warmReportCode', () => {
  it('resolves whatever the skeleton, and leaves it as it was', async () => {
    const skeleton = { schema_version: 1, verdict: 'skipped', base: 'a', head: 'b', confidence: 0.95, suites: [] } as unknown as Report;
    const copy = structuredClone(skeleton);
    await warmReportCode(skeleton);
    expect(skeleton).toEqual(copy);
    // A report that does not parse is the report's own business later: the head start never rejects.
    await expect(warmReportCode({ nonsense: true } as unknown as Report)).resolves.toBeUndefined();
  });
});
