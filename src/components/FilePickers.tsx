import { useRef, type InputHTMLAttributes } from 'react';
import { useStore } from '../state/store';
import { filesFromInput } from './pickedFiles';

/** Chromium, Firefox and Safari read `webkitdirectory`; React's types do not list it. */
const folderAttributes = { webkitdirectory: '' } as InputHTMLAttributes<HTMLInputElement>;

/** "Open files" and "Open folder": hidden inputs behind ordinary buttons. */
export function FilePickers({ large = false }: { large?: boolean }) {
  const addFiles = useStore((s) => s.addFiles);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const onChange = (input: HTMLInputElement) => {
    const files = filesFromInput(input.files);
    input.value = '';
    void addFiles(files);
  };
  const size = large ? ' button-large' : '';
  return (
    <div className="pickers">
      <button
        type="button"
        className={`button button-primary${size}`}
        onClick={() => filesRef.current?.click()}
      >
        Open files…
      </button>
      <button type="button" className={`button${size}`} onClick={() => folderRef.current?.click()}>
        Open folder…
      </button>
      <input
        ref={filesRef}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        aria-label="Open result files"
        accept=".json,.jsonl,.csv,.tsv,.txt"
        onChange={(e) => onChange(e.currentTarget)}
      />
      <input
        ref={folderRef}
        type="file"
        hidden
        data-testid="folder-input"
        aria-label="Open a folder of results"
        {...folderAttributes}
        onChange={(e) => onChange(e.currentTarget)}
      />
    </div>
  );
}
