/** A command line the program cannot act on: exits 2 with the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to print, or null for the program's. */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}

/** An input that cannot be read: exits 1, the message names the file (and line). */
export class InputError extends Error {}

const INPUTS = `Inputs: files, folders (walked, hidden files left out) or - for standard input, in any
format the app reads. A folder's files without a model name become one run named after it.`;

const FIGURE = `Figure options (the app's Figure section):
  --run NAME            one run (by name, or its 1-based position)
  --all                 every run in one figure (the default)
  --diff A,B            the difference view, A − B (names or positions)
  --metric mean|pass    colour by mean score (default) or pass rate
  --threshold T         pass threshold in 0..1 (default 0.7)
  --palette P           classic (default), viridis or cividis
  --task NAME           only this task, where results name tasks
  --theme light|dark    (default light)
  --title TEXT          (default: the run's name, or "Needle in a haystack")
  --subtitle TEXT
  --values off|all|below100   percent labels in cells (default off)
  --trained-length N    a dashed marker at the trained context length, in tokens
  --no-gridlines        no lines between cells
  --depth-hints         "Top / Bottom of document" beside the depth axis
  --scale 1|2|3         PNG pixels per figure pixel (PNG only; default 1)
  --aspect A            16:9, 4:3, square, screen (cells near square; the default) or
                        WxH in pixels (1600x800)
  --width PX            the figure's width (default: automatic for the aspect)
  --title-align center|left   (default center)
  --axis-title-size PX  axis and legend titles (default 14)
  --legend bar|stops    a colour bar with its title (default), or swatches 100% / 50% / 0%
  --callout L,D=TEXT    a note with an arrow to the cell nearest length L (tokens: 165000
                        or 165K) and depth D (%); L1,D1:L2,D2=TEXT puts a dashed box round
                        that range. Repeatable`;

const COMMON = `  --threads N           threads reading a folder's files, this one included (default: one
                        fewer than the cores, up to 8; 1 reads them all on one thread)
  -q, --quiet           no progress or notes on stderr
  -h, --help            this help`;

/** Usage text of each command, and of the program. */
export const USAGE: Record<string, string> = {
  haymap: `Usage: haymap <command> [options] <files or folders...>

Commands:
  render    the figure the app exports, as SVG or PNG
  summary   the summary table (CSV, Markdown or JSON)
  cells     the tidy cells CSV, as the app's Download CSV writes it
  report    one self-contained HTML file that opens the app with the runs loaded

haymap <command> --help tells more. Exit status: 0 done, 1 an input could not be read,
2 a usage error.`,
  render: `Usage: haymap render <files or folders...> -o fig.svg|fig.png [options]

Writes the figure the app's Figure section exports for the same runs and view: the same
components rendered to a standalone SVG (fonts embedded), or that SVG drawn as a PNG.
  -o, --output FILE     .svg or .png (required)
${FIGURE}
${COMMON}

${INPUTS}`,
  summary: `Usage: haymap summary <files or folders...> [--format md|csv|json] [options]

The summary table of the runs, as the app's Copy CSV / Copy Markdown give it: mean score,
pass rate, trials, effective length, worst depth band, and the mean score at each length
(columns len_<tokens>).
  --format csv|md|json  (default md)
  --effective T         the mean every length must keep for the effective length (default 0.85)
  --threshold T         pass threshold in 0..1 (default 0.7)
  --task NAME           only this task
  -o, --output FILE     write there instead of standard output
${COMMON}

${INPUTS}`,
  cells: `Usage: haymap cells <files or folders...> [-o cells.csv] [options]

The cells as the app's Download CSV writes them (run,context_length,depth_percent,n,
mean_score,pass_rate), one row per cell of every run; the file loads back into the app.
  --run NAME            only this run
  --threshold T         pass threshold for pass_rate (default 0.7)
  --task NAME           only this task
  -o, --output FILE     write there instead of standard output
${COMMON}

${INPUTS}`,
  report: `Usage: haymap report <files or folders...> -o report.html [options]

One HTML file holding the app and the runs' cells: it opens offline, from disk, with the
runs loaded, and makes no request (its own Content-Security-Policy). Trial texts are not
included, as in a share link. Needs the app built (npm run build).
  -o, --output FILE     (required)
  --metric, --threshold, --palette, --task, --theme, --values, --trained-length,
  --no-gridlines, --depth-hints, --aspect, --width, --title-align, --axis-title-size,
  --legend, --callout   the view the report opens with
${COMMON}

${INPUTS}`,
};
