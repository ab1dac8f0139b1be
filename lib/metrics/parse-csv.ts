/**
 * Reads the two CSV shapes of `npm run metrics`: `label,score` and `query_id,relevance,score`.
 * Plain comma-separated values only; every error names its line, so a bad row in a large export
 * is found at once.
 */
import { MetricInputError } from "./input-error";
import type { RankingRow } from "./ranking";

/** A CSV problem at a 1-based line (the header is line 1). */
export class CsvFormatError extends MetricInputError {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Line ${line}: ${detail}`);
    this.name = "CsvFormatError";
  }
}

interface CsvRow {
  line: number;
  field(name: string): string;
}

/** Splits the text into rows keyed by the header's column names; blank lines are skipped. */
function readRows(text: string, columns: string[]): CsvRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const shape = columns.join(",");
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex === -1)
    throw new MetricInputError(`The file is empty; it needs a header row ${shape} and data rows.`);
  const splitLine = (line: string, number: number) => {
    if (line.includes('"')) {
      throw new CsvFormatError(number, "quoted fields are not supported; write plain comma-separated values.");
    }
    return line.split(",").map((field) => field.trim());
  };
  const header = splitLine(lines[headerIndex] as string, headerIndex + 1).map((name) => name.toLowerCase());
  const positions = columns.map((name) => header.indexOf(name));
  if (positions.includes(-1)) {
    throw new CsvFormatError(headerIndex + 1, `the header must name the columns ${shape} (got "${header.join(",")}").`);
  }
  const rows: CsvRow[] = [];
  lines.forEach((line, index) => {
    if (index <= headerIndex || line.trim() === "") return;
    const number = index + 1;
    const fields = splitLine(line, number);
    if (fields.length !== header.length) {
      throw new CsvFormatError(number, `expected ${header.length} fields like the header, got ${fields.length}.`);
    }
    rows.push({ line: number, field: (name) => fields[positions[columns.indexOf(name)] as number] as string });
  });
  if (rows.length === 0) throw new MetricInputError(`The file has a header but no data rows.`);
  return rows;
}

function readNumber(row: CsvRow, name: string): number {
  const raw = row.field(name);
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value))
    throw new CsvFormatError(row.line, `${name} is not a number (got "${raw}").`);
  return value;
}

/** Parses `label,score` rows: labels 0 or 1, scores probabilities in [0, 1]. */
export function parseClassificationCsv(text: string): { labels: number[]; scores: number[] } {
  const labels: number[] = [];
  const scores: number[] = [];
  for (const row of readRows(text, ["label", "score"])) {
    const label = readNumber(row, "label");
    if (label !== 0 && label !== 1)
      throw new CsvFormatError(row.line, `label must be 0 or 1 (got "${row.field("label")}").`);
    const score = readNumber(row, "score");
    if (score < 0 || score > 1) {
      throw new CsvFormatError(row.line, `score must be a probability in [0, 1] (got ${row.field("score")}).`);
    }
    labels.push(label);
    scores.push(score);
  }
  return { labels, scores };
}

/** Parses `query_id,relevance,score` rows: relevance a number >= 0 (graded), score any finite number. */
export function parseRankingCsv(text: string): RankingRow[] {
  return readRows(text, ["query_id", "relevance", "score"]).map((row) => {
    const queryId = row.field("query_id");
    if (queryId === "") throw new CsvFormatError(row.line, "query_id is empty.");
    const relevance = readNumber(row, "relevance");
    if (relevance < 0) throw new CsvFormatError(row.line, `relevance must be >= 0 (got ${row.field("relevance")}).`);
    return { queryId, relevance, score: readNumber(row, "score") };
  });
}
