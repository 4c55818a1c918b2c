import { describe, expect, it } from 'vitest';
import { checkLoadedRun, checkRun } from './runCheck';
import { fixtureFolders, loadFixtureFolder } from './testing/fixtures';

describe("the load's check", () => {
  it.each(fixtureFolders())('keeps %s runs as a restore rebuilds them', async (format) => {
    const { result } = await loadFixtureFolder(format);
    for (const run of result.runs) {
      // What the load kept passes the restore's check, grid rebuilt, unchanged.
      expect(checkRun(run)).toEqual({ ok: true, value: run });
      expect(checkLoadedRun(run)).toEqual({ ok: true, value: run });
    }
  });
});
