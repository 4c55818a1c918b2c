import type { PickedFile } from '../worker/protocol';

/** Hidden files inside folders (.DS_Store, ._foo) are operating-system litter, not results. */
function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** Files from an `<input type=file>`, with their folder path when a folder was picked. */
export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .filter((picked) => !picked.path.includes('/') || !isHidden(picked.path));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** Every file under an entry, depth first; `readEntries` answers in batches until empty. */
async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (isFile(entry)) {
    if (!path.includes('/') || !isHidden(path)) out.push({ file: await entryFile(entry), path });
    return;
  }
  if (!isDirectory(entry) || isHidden(path)) return;
  const reader = entry.createReader();
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/**
 * Files from a drop, walking dropped folders. The entries must be taken synchronously in the
 * drop handler: the DataTransfer is emptied once the event returns.
 */
export function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  const plain = Array.from(data.files);
  return (async () => {
    const out: PickedFile[] = [];
    for (const [i, entry] of entries.entries()) {
      if (entry) await walk(entry, out);
      else if (plain[i]) out.push({ file: plain[i], path: plain[i].name });
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  })();
}
