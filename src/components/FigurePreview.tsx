import { useState } from 'react';
import type { FigureOptions } from '../chart/figureOptions';
import type { FigureModel } from '../export/figureModel';
import { FigureSvg } from '../export/FigureSvg';

/**
 * The exported figure, drawn in the page at the sidebar's width: where the title, the callouts
 * and the marker land before a file is made. Drawn only while open (a big grid is thousands
 * of cells); the page's own Inter stands in for the file's embedded fonts.
 */
export function FigurePreview({
  model,
  options,
}: {
  model: FigureModel | null;
  options: FigureOptions;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="figure-preview" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="figure-preview-toggle">Preview</summary>
      {open && model && (
        <div className="figure-preview-image" data-testid="figure-preview" aria-hidden="true">
          <FigureSvg model={model} options={options} fontFaces="" />
        </div>
      )}
    </details>
  );
}
