import { useState } from 'react';
import { FORMATS } from '../core/formats/registry';
import type { FileFormat } from '../core/types';
import { useStore } from '../state/store';
import { SidebarSection } from './fields';
import { grouped } from '../core/numberText';

/** What the "Read as" menu offers besides the formats. */
const MAP_COLUMNS = '__map__';

/** Past this many files the list starts folded, behind a count. */
const FOLDED_PAST = 30;
/** The most files listed at once; the rest are counted. */
const LISTED = 200;

/**
 * Every file read, the format it was read as, and a way to read it otherwise. A long list
 * starts folded and scrolls in its own box, so a folder of thousands never grows the page.
 */
export function FileList() {
  const batches = useStore((s) => s.batches);
  const files = batches.flatMap((batch) =>
    batch.formats.map((format) => ({ batchId: batch.id, format })),
  );
  const [open, setOpen] = useState(false);
  if (files.length === 0) return null;
  const list = (
    <>
      <ul className="file-list">
        {files.slice(0, LISTED).map(({ batchId, format }) => (
          <FileItem key={`${batchId}:${format.file}`} batchId={batchId} format={format} />
        ))}
      </ul>
      {files.length > LISTED && (
        <p className="muted small">and {grouped(files.length - LISTED)} more</p>
      )}
    </>
  );
  return (
    <SidebarSection id="files-title" title="Files" count={files.length}>
      {files.length <= FOLDED_PAST ? (
        list
      ) : (
        <details
          className="file-fold"
          data-testid="file-fold"
          onToggle={(e) => setOpen(e.currentTarget.open)}
        >
          <summary>
            {open ? 'Hide' : 'Show'} the {grouped(files.length)} files
          </summary>
          {open && list}
        </details>
      )}
    </SidebarSection>
  );
}

function FileItem({ batchId, format }: { batchId: number; format: FileFormat }) {
  const rereadFile = useStore((s) => s.rereadFile);
  const requestMapping = useStore((s) => s.requestMapping);
  const sure =
    format.confidence >= 1 ? 'chosen' : `detected, ${Math.round(format.confidence * 100)}% sure`;
  return (
    <li className="file-item" data-testid="file-item" data-file={format.file}>
      <div className="file-name" title={format.file}>
        {format.file}
      </div>
      <div className="file-sure muted" data-testid="file-sure">
        {sure}
      </div>
      <label className="file-format">
        <span className="visually-hidden">Read {format.file} as</span>
        <select
          data-testid="file-format"
          value={format.formatId}
          title={`${format.format} (${sure})`}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (value === MAP_COLUMNS) requestMapping(batchId, format.file);
            else void rereadFile(batchId, format.file, { formatId: value });
          }}
        >
          {!FORMATS.some((f) => f.id === format.formatId) && (
            <option value={format.formatId}>{format.format}</option>
          )}
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
          <option value={MAP_COLUMNS}>Map columns…</option>
        </select>
      </label>
    </li>
  );
}
