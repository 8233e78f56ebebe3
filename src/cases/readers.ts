import { parse as parseCsv } from 'csv-parse/sync';
import { checkCount, formatCount, MAX_CSV_CELLS, MAX_KEYS } from '../config/limits.js';
import { parseYamlSource, type YamlSource } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { checkJsonText, parseJsonSource, positionOf, topLevelElementLines } from '../prompts/json-source.js';

/** One record of an eval set as read, before it becomes a case. */
export interface RawCase {
  value: unknown;
  /** 1-based line where the record starts, where the format has lines. */
  line?: number;
  /** How messages name the record: `line 7`, `testData[2]`. */
  label: string;
  /** Line of one of the record's keys (JSON, YAML), for errors inside the record. */
  lineOfKey?: (key: string) => number | undefined;
}

const stripBom = (text: string) => text.replace(/^\uFEFF/, '');

/** Lines that hold something other than spaces: the records of a JSONL file, the rows of a CSV (quotes aside). */
function countFilledLines(text: string): number {
  let lines = 0;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (filled) lines++;
      filled = false;
    } else if (!filled && c !== 32 && c !== 9 && c !== 13) filled = true;
  }
  return filled ? lines + 1 : lines;
}

/**
 * JSON Lines: one JSON object per line. Trailing blank lines are fine; a blank line between records is an error.
 * The text is checked (nesting, size, number of records) before any line is parsed, and read line by line without
 * splitting it: a file of line breaks would otherwise be an array of millions of strings.
 */
export function readJsonl(path: string, text: string): RawCase[] {
  const body = stripBom(text);
  checkJsonText(body, { where: { file: path }, lines: true });
  checkCount('cases', countFilledLines(body), { file: path });
  const rows: RawCase[] = [];
  let blank: number | undefined;
  for (let start = 0, line = 1; start <= body.length; line++) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const source = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (source.trim() === '') {
      blank ??= line;
      continue;
    }
    if (blank !== undefined) {
      throw new PromptgateError(`line ${blank} is empty`, { file: path, line: blank, hint: 'remove the blank line: in a .jsonl file every line is one case, a JSON object' });
    }
    try {
      rows.push({ value: JSON.parse(source), line, label: `line ${line}` });
    } catch (err) {
      const message = (err as Error).message;
      const at = /at position (\d+)/.exec(message);
      throw new PromptgateError(`line ${line} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
        file: path,
        line,
        ...(at ? { column: positionOf(source, Number(at[1])).column } : {}),
        hint: 'each line of a .jsonl file is one complete JSON object, like {"vars": {"question": "..."}, "expected": "..."}',
      });
    }
  }
  return rows;
}

function fromList(source: YamlSource, what: string, lines?: number[]): RawCase[] {
  if (source.value === null || source.value === undefined) return [];
  if (!Array.isArray(source.value)) {
    throw new PromptgateError(`must be a ${what} list of cases`, {
      file: source.file,
      line: 1,
      hint: what === 'JSON' ? 'write [ {"vars": {...}, "expected": "..."}, ... ]' : 'start each case with "- ", e.g. "- vars: { question: ... }"',
    });
  }
  checkCount('cases', source.value.length, { file: source.file });
  return source.value.map((value, i) => {
    const line = lines ? lines[i] : source.lineOf([i]);
    return {
      value,
      ...(line !== undefined ? { line } : {}),
      label: line !== undefined ? `line ${line}` : `case ${i + 1}`,
      lineOfKey: (key: string) => source.lineOf([i], key),
    };
  });
}

export function readJson(path: string, text: string): RawCase[] {
  const body = stripBom(text);
  // Counted before JSON.parse builds the array: a 64 MB file of `1,` would be 30 million cases.
  const source = parseJsonSource(path, body, 'a .json eval set is a JSON array of cases', (scan) => checkCount('cases', scan.topLevelItems, { file: path }));
  return fromList(source, 'JSON', Array.isArray(source.value) ? topLevelElementLines(body) : undefined);
}

export function readYaml(path: string, text: string): RawCase[] {
  return fromList(parseYamlSource(path, stripBom(text), 0, 'cases'), 'YAML');
}

/**
 * Rows and cells of CSV text, quotes respected, by one scan before csv-parse builds a record object per row: the
 * number of cases and the memory the records take are limited before they exist (see docs/input-limits.md).
 */
function checkCsvShape(path: string, text: string): void {
  let rows = 0;
  let cells = 0;
  let columns = 0;
  let filled = false;
  let quoted = false;
  const endRow = () => {
    if (!filled) return;
    rows++;
    cells++;
    if (rows === 1) columns = cells;
    filled = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) cells++;
    else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      endRow();
      if (columns > MAX_KEYS) break;
      continue;
    }
    if (!filled && c !== 32 && c !== 9 && c !== 13) filled = true;
  }
  endRow();
  if (columns > MAX_KEYS) {
    throw new PromptgateError(`has ${formatCount(columns)} columns, more than the limit of ${formatCount(MAX_KEYS)} columns`, {
      file: path,
      line: 1,
      hint: 'every column is a variable of every case; keep only the columns the prompts use',
    });
  }
  if (cells > MAX_CSV_CELLS) {
    throw new PromptgateError(`has ${formatCount(cells)} cells, more than the limit of ${formatCount(MAX_CSV_CELLS)} cells (rows × columns) per CSV eval set`, {
      file: path,
      hint: 'keep only the columns the prompts use, or split the eval set into several suites',
    });
  }
  checkCount('cases', Math.max(0, rows - 1), { file: path });
}

/** Cells that hold JSON in a CSV eval set (everything else is text). */
const JSON_COLUMNS = new Set(['vars', 'assert']);

/**
 * CSV with a header row; every column is a var except `id`, `expected`, `tags` (`;`-separated) and `assert` / `vars`
 * (JSON in the cell). An empty `id` or `expected` cell counts as absent.
 */
export function readCsv(path: string, text: string): RawCase[] {
  checkCsvShape(path, text);
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { bytes: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      columns: (names: string[]) => (header = names.map((n) => n.trim())),
      skip_empty_lines: true,
      info: true,
    }) as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new PromptgateError(`is not valid CSV: ${e.message.replace(/ (at|on) line \d+/, '')}`, {
      file: path,
      ...(typeof e.lines === 'number' ? { line: e.lines } : {}),
      hint: 'every row needs as many cells as the header; quote cells that contain commas, quotes or line breaks ("a ""b"" c")',
    });
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new PromptgateError('has a column with no name', { file: path, line: 1, hint: 'name every column in the header row' });
    if (seen.has(name)) throw new PromptgateError(`has two columns named "${name}"`, { file: path, line: 1, hint: 'give every column a unique name' });
    seen.add(name);
  }
  // csv-parse reports the byte offset just past a record (and its line break, if any); the record starts as many
  // lines before its last one as it holds line breaks inside quoted cells.
  const bytes = Buffer.from(text, 'utf8');
  const newlineOffsets: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) newlineOffsets.push(i);
  const lineAtByte = (offset: number) => {
    let lo = 0;
    let hi = newlineOffsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlineOffsets[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return records.map(({ record, info }) => {
    const inside = Object.values(record).reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const line = lineAtByte(info.bytes - 1) - inside;
    const value: Record<string, unknown> = {};
    for (const [key, cell] of Object.entries(record)) {
      if (key === 'tags')
        value.tags = cell
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean);
      else if ((key === 'id' || key === 'expected') && cell === '') continue;
      else if (JSON_COLUMNS.has(key)) {
        if (cell.trim() === '') continue;
        checkJsonText(cell, { where: { file: path, line }, pinpoint: false });
        try {
          value[key] = JSON.parse(cell);
        } catch (err) {
          throw new PromptgateError(`line ${line}: the "${key}" cell is not valid JSON: ${(err as Error).message}`, {
            file: path,
            line,
            hint: `write the ${key} cell as JSON, quoted for CSV: "[{""type"": ""contains"", ""value"": ""refund""}]"`,
          });
        }
      } else value[key] = cell;
    }
    return { value, line, label: `line ${line}` };
  });
}
