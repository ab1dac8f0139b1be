/**
 * Puts user text (a candidate's message, an imported transcript) inside a tagged block of a
 * prompt so that it cannot close the block or open a new one.
 *
 * The choice: escape rather than strip. `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`, the
 * entities models read as the characters they stand for, so "latency < 100 ms" still reads
 * naturally; angle-bracket look-alikes (fullwidth ＜, small ﹤, ‹ 〈 ⟨ ❮ …) become numeric
 * entities, so a model that folds them to `<` sees no tag either. The block therefore holds no
 * `<` at all: no `</candidate>` in any case, spacing or script can end it early. Escaping is
 * exact and reversible, so a quote the model copies from the block is unescaped and then checked
 * verbatim against the original text.
 */

/** Characters a model could read as an angle bracket, beyond `<` and `>` themselves. */
const LOOK_ALIKES = "＜＞﹤﹥‹›〈〉⟨⟩〈〉❮❯˂˃";
const NAMED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ESCAPED = new RegExp(`[&<>${LOOK_ALIKES}]`, "gu");
const ENTITY = /&(amp|lt|gt|#x[0-9a-f]{1,6});/gi;

/** Escapes user text for a delimited block (see the module comment). */
export function escapeDelimited(text: string): string {
  return text.replace(ESCAPED, (c) => NAMED[c] ?? `&#x${(c.codePointAt(0) ?? 0).toString(16)};`);
}

/** The inverse of escapeDelimited, for quotes a model copied out of a block. */
export function unescapeDelimited(text: string): string {
  return text.replace(ENTITY, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    const code = Number.parseInt(lower.slice(2), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** `<tag>` + the escaped text + `</tag>`, each on its own line. */
export function delimit(tag: "candidate" | "transcript" | "diagram", text: string): string {
  return `<${tag}>\n${escapeDelimited(text)}\n</${tag}>`;
}
