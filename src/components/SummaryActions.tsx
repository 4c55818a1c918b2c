import { useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../core/summary';
import { summaryCsv, summaryMarkdown } from '../core/summaryTable';
import { downloadText } from '../export/download';
import { useStore } from '../state/store';
import { FractionInput } from './fields';

interface CopyFormat {
  label: string;
  testId: string;
  /** The file to download when the clipboard is refused. */
  file: string;
  type: string;
  write: (rows: readonly RunSummary[]) => string;
}

const FORMATS: CopyFormat[] = [
  {
    label: 'Copy CSV',
    testId: 'copy-csv',
    file: 'haymap-summary.csv',
    type: 'text/csv',
    write: summaryCsv,
  },
  {
    label: 'Copy Markdown',
    testId: 'copy-markdown',
    file: 'haymap-summary.md',
    type: 'text/markdown',
    write: summaryMarkdown,
  },
];

/** How long "Copied" stays up. */
const STATUS_MS = 2000;

/** The effective-length threshold, and copying the table (rows in the order shown). */
export function SummaryActions({ rows }: { rows: readonly RunSummary[] }) {
  const effectiveThreshold = useStore((s) => s.view.effectiveThreshold);
  const setView = useStore((s) => s.setView);
  const [status, setStatus] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const say = (message: string) => {
    setStatus(message);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(''), STATUS_MS);
  };

  const copy = async ({ file, type, write }: CopyFormat) => {
    const text = write(rows);
    try {
      // Absent outside secure contexts, and refused without permission: both land in catch.
      await navigator.clipboard.writeText(text);
      say('Copied');
    } catch {
      downloadText(file, text, type);
      say(`The clipboard was refused: downloaded ${file} instead`);
    }
  };

  return (
    <div className="summary-actions">
      <FractionInput
        label="Effective length: every length ≥"
        testId="effective-threshold"
        value={effectiveThreshold}
        onChange={(value) => setView({ effectiveThreshold: value })}
      />
      <div className="summary-copy">
        <span role="status" className="copy-status">
          {status}
        </span>
        {FORMATS.map((format) => (
          <button
            key={format.testId}
            type="button"
            className="button button-quiet"
            data-testid={format.testId}
            disabled={rows.length === 0}
            onClick={() => void copy(format)}
          >
            {format.label}
          </button>
        ))}
      </div>
    </div>
  );
}
