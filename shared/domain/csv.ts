/**
 * CSV as Excel on a center's office PC opens it (issue 10.7): UTF-8 with a byte-order mark (without
 * it Excel reads Chinese as GBK and shows mojibake), RFC 4180 fields — quoted when they hold a
 * comma, a quote or a line break, quotes doubled —, CRLF line ends. A text field that starts like
 * a formula (= + - @, tab, CR) is prefixed with an apostrophe so that a spreadsheet shows it and
 * never runs it (CSV injection: free text such as a complaint's facts comes from the public).
 */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted and escaped as RFC 4180 asks. Numbers stay numbers; empty for null/undefined. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, the header row, then one row per record, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const line = (cells: readonly CsvValue[]) => `${cells.map(csvField).join(',')}\r\n`;
  return CSV_BOM + line(header) + rows.map(line).join('');
}
