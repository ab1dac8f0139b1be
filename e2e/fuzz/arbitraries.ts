import fc from "fast-check";

/** Names that reach a plain object's prototype when used as a key or a lookup. */
export const PROTO_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "valueOf"];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const oddCharacter = fc.oneof(
  control,
  loneSurrogate,
  fc.constantFrom("\u0000", "\u202e", "\u200f", "\u200b", "\ufeff", "\u2028", "👩‍💻", "🇫🇷", "ש", "ﷺ", "\\", '"', "%"),
);

/** Strings most likely to break a route: NUL and control characters, lone surrogates, RTL and zero-width marks, emoji, prototype names, very long text. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 2 },
  {
    arbitrary: fc.array(fc.oneof(oddCharacter, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((p) => p.join("")),
    weight: 4,
  },
  { arbitrary: fc.constantFrom(...PROTO_NAMES), weight: 2 },
  { arbitrary: fc.constantFrom("", " ", "\u0000", "a\u0000b", "null", "0", "-1", "1e309", "NaN"), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom("x", "9", " ", "\u0000", "é", "👩‍💻"), fc.integer({ min: 1_000, max: 30_000 }))
      .map(([unit, count]) => unit.repeat(count)),
    weight: 1,
  },
);

/** Any JSON value, with nasty strings as values and prototype names among the keys. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...PROTO_NAMES)), tie("value")), { maxLength: 4 })
      // Object.fromEntries makes "__proto__" an own key, as JSON.parse on the server does.
      .map((entries) => Object.fromEntries(entries)),
  ),
})).value;

/** A valid example body with some fields deleted or replaced, and keys added (prototype names among them). */
export function mutated(example: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(example);
  return fc
    .tuple(fc.subarray(keys), fc.array(fc.tuple(fc.constantFrom(...keys, ...PROTO_NAMES), nastyJson), { maxLength: 3 }))
    .map(([dropped, changes]) => {
      const body: Record<string, unknown> = Object.fromEntries(
        Object.entries(example).filter(([k]) => !dropped.includes(k)),
      );
      for (const [key, value] of changes)
        Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
      return body;
    });
}

/** A request body as sent: a mutated valid body, any JSON, malformed JSON, nothing, or one over the size limit. */
export function bodyText(
  example: Record<string, unknown>,
  poison: fc.Arbitrary<Record<string, unknown>> = fc.constant({}),
): fc.Arbitrary<string> {
  // The poison (a field that is always invalid) keeps heavy routes on their cheap failure path.
  const shaped = fc.tuple(mutated(example), poison).map(([body, bad]) => JSON.stringify({ ...body, ...bad }));
  return fc.oneof(
    { arbitrary: shaped, weight: 36 },
    { arbitrary: nastyJson.map((value) => JSON.stringify(value) ?? "null"), weight: 12 },
    {
      arbitrary: fc.constantFrom("", "{", '{"a":', "[1,", "nul", "\u0000", '{"a":"\\ud800"}', '{"__proto__":{"x":1}}'),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
    // Over the 1 MB default (and the 8 MB transcript limit once in a while): a 413, read no further.
    {
      arbitrary: fc
        .oneof({ arbitrary: fc.constant(1_100_000), weight: 9 }, { arbitrary: fc.constant(9_000_000), weight: 1 })
        .map((size) => JSON.stringify({ pad: "x".repeat(size) })),
      weight: 1,
    },
  );
}

/**
 * encodeURIComponent for any string: a lone surrogate (which it refuses) becomes U+FFFD, as a
 * browser would send it; raw malformed escapes such as %ED%A0%80 are sent by `rawSegments`.
 */
export const encode = (value: unknown): string => encodeURIComponent(String(value).toWellFormed());

/**
 * A nasty string short enough for a URL: Node answers a request line over 16 KB with its own 431
 * before any route runs, so URLs carry at most 1,500 encoded characters a part and 3 query pairs (bodies carry the long text).
 */
export const urlString: fc.Arbitrary<string> = nastyString.filter((s) => encode(s).length <= 1_500);

/**
 * Keeps only bodies a route must refuse: text that is no JSON, JSON that is no object, or an
 * object `refused` says the schema rejects. For routes whose valid input does heavy work or stores.
 */
export function refusedBodies(
  bodies: fc.Arbitrary<string>,
  refused: (body: Record<string, unknown>) => boolean,
): fc.Arbitrary<string> {
  return bodies.filter((text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return true;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return true;
    const body = value as Record<string, unknown>;
    return "pad" in body || text.includes("\\u0000") || refused(body);
  });
}

/** Percent-encodings a path segment may carry: malformed, double-encoded, NUL, overlong UTF-8, prototype names. */
const rawSegments = fc.constantFrom(
  "%",
  "%2",
  "%zz",
  "%25",
  "%2525",
  "%00",
  "a%00b",
  "%C0%AF",
  "%E0%A4%A",
  "%FF",
  "%ED%A0%80",
  "%u0041",
  "a%2Fb",
  "%5F%5Fproto%5F%5F",
  ...PROTO_NAMES,
);

/** A path parameter as it appears in the URL; never a dot segment or empty, which would name another route. */
export function pathParam(...known: string[]): fc.Arbitrary<string> {
  const encoded = urlString
    .filter((s) => s.length > 0)
    .map((s) => encode(s))
    .filter((s) => !/^(?:\.|%2e){1,2}$/i.test(s));
  return fc.oneof(
    { arbitrary: fc.uuid(), weight: 4 },
    { arbitrary: encoded, weight: 4 },
    { arbitrary: rawSegments, weight: 3 },
    ...(known.length > 0 ? [{ arbitrary: fc.constantFrom(...known), weight: 3 }] : []),
  );
}

/** A query string of nasty names and values, with some malformed escapes left raw. */
export function queryString(names: string[] = []): fc.Arbitrary<string> {
  const pair = fc
    .tuple(fc.oneof(fc.constantFrom(...names, ...PROTO_NAMES), urlString), urlString)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`);
  return fc
    .array(fc.oneof({ arbitrary: pair, weight: 5 }, { arbitrary: rawSegments, weight: 1 }), { maxLength: 3 })
    .map((parts) => (parts.length > 0 ? `?${parts.join("&")}` : ""));
}
