/**
 * Label text in and out of Mermaid. Labels are data, never HTML: `<br>` becomes a space and
 * entities (Mermaid's `#quot;`/`#35;` and HTML's `&amp;`/`&#35;`) are decoded to the characters
 * they name; any other markup stays as the literal text the candidate typed.
 */

const NAMED: Record<string, string> = {
  quot: '"',
  amp: "&",
  lt: "<",
  gt: ">",
  apos: "'",
  nbsp: "\u00a0",
  num: "#",
  lpar: "(",
  rpar: ")",
  lsqb: "[",
  rsqb: "]",
  lcub: "{",
  rcub: "}",
  vert: "|",
  semi: ";",
};
// Each branch opens with a different literal and every repeat is bounded: no backtracking to speak of.
const ENTITY = /&#x([0-9a-f]{1,6});|&#(\d{1,7});|#(\d{1,7});|[&#]([a-z][a-z0-9]{1,9});/gi;
const BREAK = / ?<br\s*\/?> ?/gi;

function fromCode(code: number, whole: string): string {
  return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
}

/** The plain text of a label as written between its brackets (or pipes). */
export function decodeLabel(raw: string): string {
  let text = raw.trim();
  // A Markdown string ("`**bold**`") keeps its text; the backticks are only Mermaid's quoting.
  if (text.length >= 2 && text.startsWith("`") && text.endsWith("`")) text = text.slice(1, -1).trim();
  return text.replace(BREAK, " ").replace(ENTITY, (whole, hex?: string, dec?: string, mer?: string, name?: string) => {
    if (hex) return fromCode(Number.parseInt(hex, 16), whole);
    const digits = dec ?? mer;
    if (digits) return fromCode(Number(digits), whole);
    return NAMED[name?.toLowerCase() ?? ""] ?? whole;
  });
}

/** Characters that would end or change a quoted label; written as Mermaid's numeric entities. */
const SPECIAL = new Set(['"', "#", "&", "<", ">", "|", "`", "[", "]", "{", "}", "(", ")", ";"]);

/**
 * The body of a quoted Mermaid label (without the quotes) that decodeLabel reads back exactly:
 * specials and non-space whitespace as `#N;`, and spaces at either end too (the reader trims).
 */
export function encodeLabel(label: string): string {
  if (label === "") return " ";
  const chars = Array.from(label);
  return chars
    .map((c, i) => {
      const edge = i === 0 || i === chars.length - 1;
      if (SPECIAL.has(c) || (/\s/u.test(c) && (c !== " " || edge))) return `#${c.codePointAt(0)};`;
      return c;
    })
    .join("");
}
