import pg from "pg";

/**
 * A fast reader for `bytea[]` results. The LangGraph checkpointer reads every channel of an
 * interview's latest checkpoint as one `bytea[]` (array_agg of [channel, type, blob]), and the
 * transcript's blob grows with every turn; pg-types reads such arrays a character at a time,
 * which took about a tenth of a turn's CPU once interviews were long. Postgres writes bytea in
 * hex by default (`"\\x0a1b..."` inside an array), so the hex digits can go to Buffer.from in one
 * native call. Anything else (the escape output format, arrays with explicit bounds, a shape
 * this reader does not expect) goes to pg-types' own parser, so results never differ.
 */
const BYTEA_ARRAY_OID = 1001;
// pg-types' TypeId lists scalar types only; array OIDs are looked up the same way.
const getTypeParser = pg.types.getTypeParser as (oid: number, format?: "text" | "binary") => (text: string) => unknown;
const libraryParser = getTypeParser(BYTEA_ARRAY_OID, "text");
const HEX = /^[0-9a-fA-F]*$/;

type Nested = Array<Buffer | null | Nested>;

/** The hex-format fast path; null when `text` is not of the form it reads. */
function parseHexByteaArray(text: string): Nested | null {
  const open: Nested[] = [];
  let root: Nested | null = null;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const current = open.at(-1);
    if (char === "{") {
      if (root && !current) return null;
      const array: Nested = [];
      current?.push(array);
      open.push(array);
      root ??= array;
      i += 1;
    } else if (char === "}") {
      if (!open.pop()) return null;
      i += 1;
    } else if (char === "," && current) {
      i += 1;
    } else if (char === '"' && current && text.startsWith("\\\\x", i + 1)) {
      const end = text.indexOf('"', i + 4);
      if (end < 0) return null;
      const hex = text.slice(i + 4, end);
      if (hex.length % 2 !== 0 || !HEX.test(hex)) return null;
      current.push(Buffer.from(hex, "hex"));
      i = end + 1;
    } else if (current && text.startsWith("NULL", i)) {
      current.push(null);
      i += 4;
    } else {
      return null;
    }
  }
  return open.length === 0 ? root : null;
}

/** Reads a `bytea[]` in text format as pg-types does (nested arrays of Buffers and nulls), faster. */
export function parseByteaArray(text: string): unknown {
  return parseHexByteaArray(text) ?? libraryParser(text);
}

/** pg's `types` option: pg-types' parsers, with the fast `bytea[]` reader. */
export const probeTypeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === BYTEA_ARRAY_OID && format !== "binary") return parseByteaArray;
    return getTypeParser(oid, format);
  },
};
