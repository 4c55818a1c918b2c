import { readJson, trimmedHead } from '../read/json';
import { readSharePayload } from './share/payload';
import { failure, type ResultFormat } from './format';

/** How a share file starts: `{"v": <version>, "view": ...`, pretty-printed or not. */
const SHARE_HEAD = /^\{\s*"v"\s*:\s*\d+\s*,\s*"view"\s*:/;

/**
 * Haymap's own comparison file, written where a share link is too long for chat apps: the
 * shown runs' cells and the view. Its cells go to the sink whole, so pass rates stay exact
 * at any threshold; each run keeps its name. The view is for links: a loaded file adds runs.
 */
export const haymapShare: ResultFormat = {
  id: 'haymap-share',
  label: 'Haymap comparison (JSON)',
  opens: 'json',

  detect(_path, head) {
    // Any version is claimed, so that a newer file is refused with its version, not ignored.
    return SHARE_HEAD.test(trimmedHead(head)) ? 1 : 0;
  },

  async parse(source, sink) {
    const file = source.path;
    const parsed = await readJson(source);
    if (!parsed.ok) return failure(file, parsed.reason, parsed.line);
    const content = readSharePayload(parsed.value);
    if (!content.ok) return failure(file, content.reason);
    let records = 0;
    for (const run of content.value.runs) {
      for (const cell of run.cells) sink.cell(cell, run.name);
      records += run.cells.length;
    }
    return { ok: true, records, warnings: [] };
  },
};
