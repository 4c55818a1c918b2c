// Number formatting and Markdown tables for results.md.

/**
 * A number with thousands separators and `digits` decimals; '—' for NaN or missing.
 * @param {number | null | undefined} x
 * @param {number} [digits]
 * @returns {string}
 */
export function num(x, digits = 0) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * Milliseconds: whole above 100, one decimal below.
 * @param {number | null | undefined} ms
 * @returns {string}
 */
export function ms(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return `${num(ms, Math.abs(ms) < 100 ? 1 : 0)} ms`;
}

/**
 * Seconds from milliseconds, two decimals.
 * @param {number} ms
 * @returns {string}
 */
export function seconds(ms) {
  return Number.isFinite(ms) ? `${num(ms / 1000, 2)} s` : '—';
}

/**
 * Bytes as MB (10^6), one decimal (two below 1 MB).
 * @param {number} bytes
 * @returns {string}
 */
export function mb(bytes) {
  return `${num(bytes / 1e6, bytes < 1e6 ? 2 : 1)} MB`;
}

/**
 * Bytes as kB (10^3), one decimal.
 * @param {number} bytes
 * @returns {string}
 */
export function kb(bytes) {
  return `${num(bytes / 1e3, 1)} kB`;
}

/**
 * A ratio as "12.3×".
 * @param {number} x
 * @returns {string}
 */
export function times(x) {
  return Number.isFinite(x) ? `${num(x, x < 10 ? 1 : 0)}×` : '—';
}

/**
 * A Markdown table. Cells are escaped for pipes.
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 * @returns {string}
 */
export function table(header, rows) {
  const cell = (/** @type {string | number} */ c) =>
    String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (/** @type {Array<string | number>} */ cells) =>
    `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * An input's label, by its id.
 * @param {ReadonlyArray<{ id: string, label: string }>} inputs
 * @param {string} id
 * @returns {string}
 */
export function inputLabel(inputs, id) {
  return inputs.find((i) => i.id === id)?.label ?? id;
}
