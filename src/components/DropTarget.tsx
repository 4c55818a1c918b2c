import { useLayoutEffect, useState } from 'react';
import { useStore } from '../state/store';
import { filesFromDrop } from './pickedFiles';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Makes the whole window a drop target for files and folders, with an overlay while dragging.
 * Listening on window (not a React element) so a drop anywhere counts, even over a chart.
 * The listeners are attached in the commit (a layout effect), before the first paint: a drop
 * the moment the page shows is never lost to a listener that is not there yet.
 */
export function DropTarget() {
  const addFiles = useStore((s) => s.addFiles);
  const [dragging, setDragging] = useState(false);

  useLayoutEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const droppedAt = performance.now();
      void filesFromDrop(event.dataTransfer).then((files) => addFiles(files, droppedAt));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [addFiles]);

  return dragging ? (
    <div className="drop-overlay" aria-hidden="true">
      <div>Drop files or folders to add runs</div>
    </div>
  ) : null;
}
