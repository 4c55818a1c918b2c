/**
 * Writing CSV that a spreadsheet opens as data, never as a formula (OWASP "CSV injection"): a
 * text field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
 * `'` in front and inside quotes, so Excel, LibreOffice and Google Sheets show it as text.
 * Numbers are written as numbers and never touched (-0.5 stays -0.5). Haymap's own readers
 * take the `'` off again ({@link unescapeFormula}), so a download loads back with its names.
 * See https://owasp.org/www-community/attacks/CSV_Injection
 */
import Papa from 'papaparse';

/** A field a spreadsheet would run: a formula start, after any `'` already in front. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A field this module escaped: one `'` added in front of {@link FORMULA_START}. */
const ESCAPED = /^''*[=+\-@\t\r]/;

/** One CSV field as written: text, or a number left as it is. */
export type CsvValue = string | number;

/**
 * `text` made safe to open in a spreadsheet: `'` prepended when it starts like a formula. A
 * text that already starts with `'` before such a character gets one more, so that
 * {@link unescapeFormula} always gives the original back.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The original of a field {@link escapeFormula} wrote; other text is returned as it is. */
export function unescapeFormula(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

/**
 * Rows (the first one the header) as CSV with `\n` line ends and a final one: text fields
 * escaped by {@link escapeFormula} and quoted when escaped, numbers as they are. Every CSV
 * Haymap writes goes through here.
 */
export function toSafeCsv(rows: readonly (readonly CsvValue[])[]): string {
  const escaped = rows.map((row) =>
    row.map((value) => (typeof value === 'string' ? escapeFormula(value) : value)),
  );
  const quoted = (value: unknown) => typeof value === 'string' && ESCAPED.test(value);
  return Papa.unparse(escaped, { newline: '\n', quotes: quoted }) + '\n';
}
