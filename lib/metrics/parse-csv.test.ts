import { describe, expect, it } from "vitest";
import { CsvFormatError, parseClassificationCsv, parseRankingCsv } from "./parse-csv";

describe("parseClassificationCsv", () => {
  it("reads label,score with CRLF line ends, a byte-order mark and blank lines", () => {
    const text = "\uFEFFlabel,score\r\n0,0.1\r\n\r\n1, 0.8 \r\n";
    expect(parseClassificationCsv(text)).toEqual({ labels: [0, 1], scores: [0.1, 0.8] });
  });

  it("finds the columns by name in any order, ignoring extra columns", () => {
    expect(parseClassificationCsv("id,Score,LABEL\na,0.25,1\nb,0.5,0\n")).toEqual({
      labels: [1, 0],
      scores: [0.25, 0.5],
    });
  });

  it.each([
    ["label,score\n0,0.1\n2,0.3\n", 3, 'label must be 0 or 1 (got "2").'],
    ["label,score\n0,1.5\n", 2, "score must be a probability in [0, 1] (got 1.5)."],
    ["label,score\n0,abc\n", 2, 'score is not a number (got "abc").'],
    ["label,score\n0,\n", 2, 'score is not a number (got "").'],
    ["label,score\n0,0.1,extra\n", 2, "expected 2 fields like the header, got 3."],
    ['label,score\n1,"0.5"\n', 2, "quoted fields are not supported; write plain comma-separated values."],
    ["\nlabel,prediction\n1,0.5\n", 2, 'the header must name the columns label,score (got "label,prediction").'],
    ["0,0.1\n1,0.9\n", 1, 'the header must name the columns label,score (got "0,0.1").'],
  ])("names the line of a bad row %#", (text, line, detail) => {
    let error: unknown;
    try {
      parseClassificationCsv(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error).toMatchObject({ line, detail, message: `Line ${line}: ${detail}` });
  });

  it("refuses an empty file and a header without rows", () => {
    expect(() => parseClassificationCsv(" \n")).toThrow(/The file is empty; it needs a header row label,score/);
    expect(() => parseClassificationCsv("label,score\r\n")).toThrow(/a header but no data rows/);
  });
});

describe("parseRankingCsv", () => {
  it("reads query_id,relevance,score rows in input order", () => {
    expect(parseRankingCsv("query_id,relevance,score\r\nq1,2,0.9\r\nq1,0,-1.5\r\nq2,1,3\r\n")).toEqual([
      { queryId: "q1", relevance: 2, score: 0.9 },
      { queryId: "q1", relevance: 0, score: -1.5 },
      { queryId: "q2", relevance: 1, score: 3 },
    ]);
  });

  it.each([
    ["query_id,relevance,score\nq1,-1,0.5\n", /^Line 2: relevance must be >= 0 \(got -1\)\.$/],
    ["query_id,relevance,score\n,1,0.5\n", /^Line 2: query_id is empty\.$/],
    ["query_id,relevance,score\nq1,1,0.5\nq1,1\n", /^Line 3: expected 3 fields like the header, got 2\.$/],
    ["query,relevance,score\nq1,1,0.5\n", /^Line 1: the header must name the columns query_id,relevance,score/],
  ])("names the line of a bad row %#", (text, message) => {
    expect(() => parseRankingCsv(text)).toThrow(message);
  });
});
