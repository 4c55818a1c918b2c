import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { encodeShare, sharedViewOf, type Run, type ViewState } from './app';
import { COMMON_OPTIONS, loadRuns, parseCommand, reporter, writeOutput, type Io } from './command';
import { UsageError } from './usage';
import { VIEW_OPTIONS, viewOf } from './view';

export const REPORT_OPTIONS = { ...COMMON_OPTIONS, ...VIEW_OPTIONS } as const;

/** The app as one HTML page, written by `npm run build` (cli/report.vite.config.ts). */
export const REPORT_TEMPLATE = fileURLToPath(new URL('../dist-report/index.html', import.meta.url));

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The text of every inline element of a kind, as the browser hashes it. */
function inlineTexts(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (m) => m[1] ?? '',
  );
}

/**
 * The report page: the app's page with the runs as a share link the app reads at start, and
 * a Content-Security-Policy allowing only its own inline script and styles, fonts and images
 * from data: and blob: URLs, and its inlined worker: nothing is requested off the file.
 */
export function reportHtml(template: string, shareHash: string): string {
  // Put before the app starts, which reads the link once and takes it out of the address bar.
  // Once per tab: a reload shows the runs the app saved, without adding them again.
  const key = `haymap-report:${createHash('sha256').update(shareHash).digest('hex').slice(0, 16)}`;
  const opener = `if(!sessionStorage.getItem(${JSON.stringify(key)})){sessionStorage.setItem(${JSON.stringify(key)},'1');history.replaceState(history.state,'',location.pathname+location.search+${JSON.stringify(shareHash)});}`;
  const withOpener = template.replace('</title>', () => `</title><script>${opener}</script>`);
  const policy = [
    "default-src 'none'",
    `script-src ${inlineTexts(withOpener, 'script').map(sha256).join(' ')}`,
    'worker-src blob: data:',
    `style-src ${inlineTexts(withOpener, 'style').map(sha256).join(' ')}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return withOpener.replace(
    /<meta charset="UTF-8" \/>/i,
    (charset) => `${charset}<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  );
}

/** The share link of the runs and the view, as the app's "Copy share link" makes it. */
export function shareHashOf(runs: readonly Run[], view: ViewState): Promise<string> {
  return encodeShare(runs, sharedViewOf(view, runs));
}

/** haymap report: one HTML file that opens the app with the runs loaded. */
export async function report(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('report', args, REPORT_OPTIONS);
  if (values.output === undefined) throw new UsageError('-o report.html is required', 'report');
  const view = viewOf(values);
  const template = await readFile(REPORT_TEMPLATE, 'utf8').catch(() => {
    throw new Error(`the app is not built (no ${REPORT_TEMPLATE}): run npm run build first`);
  });
  const runs = await loadRuns('report', positionals, io, values);
  await writeOutput(io, values.output, reportHtml(template, await shareHashOf(runs, view)));
  reporter(io, values.quiet).note(
    `wrote ${values.output} (${runs.length} ${runs.length === 1 ? 'run' : 'runs'})`,
  );
}
