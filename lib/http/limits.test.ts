/**
 * Every size limit at its exact boundary: the maximum passes, one more is refused with a sentence
 * naming the limit. Message and turn limits count Unicode code points (zod 4's `.max` does), so an
 * emoji is one character; the import's 500,000 counts UTF-16 code units (JavaScript's `length`,
 * an emoji is two), which is what lets 3 MB of JSON always hold it. Body limits count bytes.
 * The HTTP side (status codes, nothing stored) is in e2e/limits.spec.ts.
 */
import { describe, expect, it } from "vitest";
import { candidateMessageBody, MAX_MESSAGE_LENGTH } from "@/app/api/interviews/schemas";
import { transcriptSchema } from "@/lib/domain/transcript";
import { MAX_IMPORT_CHARS, parseImportedTranscript } from "@/lib/transcripts/parse-import";
import { errorResponse } from "./handle-route";
import {
  bodyLimitFor,
  checkBodySize,
  DEFAULT_MAX_BODY_BYTES,
  DIAGRAM_MAX_BODY_BYTES,
  IMPORT_MAX_BODY_BYTES,
  readBodyText,
  TRANSCRIPT_MAX_BODY_BYTES,
} from "./read-body";

const ID = "6f1c1c36-2f0e-4d4b-9a43-0d1b7c9b8a11";
const EMOJI = "🙂"; // U+1F642: one code point, two UTF-16 code units, four UTF-8 bytes.

/** The sentences of a refused zod parse (what the response's message joins). */
function refusal(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.message).join("; ");
}

describe("message length", () => {
  it(`accepts ${MAX_MESSAGE_LENGTH} characters and refuses ${MAX_MESSAGE_LENGTH + 1}`, () => {
    expect(MAX_MESSAGE_LENGTH).toBe(8000);
    const at = candidateMessageBody.safeParse({ id: ID, content: "x".repeat(8000) });
    expect(at.success).toBe(true);
    const over = candidateMessageBody.safeParse({ id: ID, content: "x".repeat(8001) });
    expect(refusal(over)).toBe("a message can be at most 8000 characters");
  });

  it("counts an emoji as one character (a code point), at the edge", () => {
    // 8,000 code points though 8,001 UTF-16 code units: accepted.
    expect(candidateMessageBody.safeParse({ id: ID, content: `${"x".repeat(7999)}${EMOJI}` }).success).toBe(true);
    expect(candidateMessageBody.safeParse({ id: ID, content: EMOJI.repeat(8000) }).success).toBe(true);
    // 8,001 code points: refused.
    const over = candidateMessageBody.safeParse({ id: ID, content: `${"x".repeat(8000)}${EMOJI}` });
    expect(refusal(over)).toBe("a message can be at most 8000 characters");
  });

  it("counts after trimming, so surrounding whitespace never tips a message over", () => {
    expect(candidateMessageBody.safeParse({ id: ID, content: `  ${"x".repeat(8000)}\n` }).success).toBe(true);
  });
});

describe("transcript turns (POST /api/score, imports)", () => {
  const turns = (count: number, content = "ok") =>
    Array.from({ length: count }, (_, i) => ({ role: i % 2 ? "candidate" : "interviewer", content }));

  it("accepts 2,000 turns and refuses 2,001", () => {
    expect(transcriptSchema.safeParse({ scenarioId: "video-recommendation", turns: turns(2000) }).success).toBe(true);
    const over = transcriptSchema.safeParse({ scenarioId: "video-recommendation", turns: turns(2001) });
    expect(refusal(over)).toBe("a transcript can have at most 2,000 turns");
  });

  it("accepts a turn of 20,000 characters and refuses 20,001, counting an emoji as one", () => {
    const at = transcriptSchema.safeParse({
      scenarioId: "video-recommendation",
      turns: turns(1, `${"x".repeat(19_999)}${EMOJI}`),
    });
    expect(at.success).toBe(true);
    const over = transcriptSchema.safeParse({
      scenarioId: "video-recommendation",
      turns: turns(1, `${"x".repeat(20_000)}${EMOJI}`),
    });
    expect(refusal(over)).toBe("a turn can be at most 20,000 characters");
  });

  it("applies the same turn limits to an import, with one sentence", () => {
    const json = (count: number) => JSON.stringify({ turns: turns(count) });
    const chosen = { scenarioId: "video-recommendation", level: "senior" } as const;
    expect(parseImportedTranscript({ text: json(2000), ...chosen }).ok).toBe(true);
    expect(parseImportedTranscript({ text: json(2001), ...chosen })).toEqual({
      ok: false,
      error: expect.stringContaining("at most 2,000 turns"),
    });
  });
});

describe("import text", () => {
  const chosen = { scenarioId: "video-recommendation", level: "senior" } as const;
  /** A plain-text transcript padded with trailing spaces to exactly `length` code units. */
  const textOf = (length: number) => {
    const text = "Interviewer: What matters?\nCandidate: Watch time.\n";
    return text + " ".repeat(length - text.length);
  };

  it(`accepts ${MAX_IMPORT_CHARS.toLocaleString("en")} characters and refuses one more, naming the limit`, () => {
    expect(textOf(MAX_IMPORT_CHARS)).toHaveLength(500_000);
    expect(parseImportedTranscript({ text: textOf(500_000), ...chosen }).ok).toBe(true);
    // An emoji counts two here (UTF-16 code units): 499,999 units and one emoji are one too many.
    expect(parseImportedTranscript({ text: `${textOf(499_999)}${EMOJI}`, ...chosen }).ok).toBe(false);
    expect(parseImportedTranscript({ text: textOf(500_001), ...chosen })).toEqual({
      ok: false,
      error: "The transcript can be at most 500,000 characters.",
    });
  });
});

describe("body bytes", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://127.0.0.1/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  /** The same bytes with no Content-Length, in 64 KB chunks, as a chunked upload arrives. */
  const chunked = (bytes: number) => {
    let left = bytes;
    return post(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (left === 0) return controller.close();
          const size = Math.min(left, 64 * 1024);
          left -= size;
          controller.enqueue(new Uint8Array(size).fill(0x20));
        },
      }),
    );
  };
  const status = (work: Promise<unknown>) =>
    work.then(
      () => 200,
      (error: unknown) => errorResponse(error).status,
    );

  const limits = [
    { name: "the 1 MB default", bytes: DEFAULT_MAX_BODY_BYTES, expected: 1_048_576, sentence: "1 MB" },
    { name: "the 8 MB transcript limit", bytes: TRANSCRIPT_MAX_BODY_BYTES, expected: 8_388_608, sentence: "8 MB" },
    { name: "the import limit", bytes: IMPORT_MAX_BODY_BYTES, expected: 3_145_728, sentence: "3 MB" },
    { name: "the diagram limit", bytes: DIAGRAM_MAX_BODY_BYTES, expected: 2_621_440, sentence: "2.5 MB" },
  ];

  it.each(limits)("reads exactly $name and refuses one byte more, declared or chunked", async (limit) => {
    expect(limit.bytes).toBe(limit.expected);
    const declared = (bytes: number) => post(" ".repeat(bytes), { "content-length": String(bytes) });
    expect(await readBodyText(declared(limit.bytes), limit.bytes)).toHaveLength(limit.bytes);
    expect(await status(readBodyText(declared(limit.bytes + 1), limit.bytes))).toBe(413);
    expect(await readBodyText(chunked(limit.bytes), limit.bytes)).toHaveLength(limit.bytes);
    const over = await readBodyText(chunked(limit.bytes + 1), limit.bytes).catch((e: unknown) => errorResponse(e));
    expect((over as Response).status).toBe(413);
    expect((await (over as Response).json()).error.message).toBe(`The request body can be at most ${limit.sentence}.`);
  });

  it("gives the proxy's early check each route's own limit", async () => {
    expect(bodyLimitFor("/api/me")).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/score")).toBe(TRANSCRIPT_MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/imports")).toBe(IMPORT_MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/imports/x")).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/interviews/00000000-0000-4000-8000-000000000000/diagram")).toBe(DIAGRAM_MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/interviews/x/diagram/more")).toBe(DEFAULT_MAX_BODY_BYTES);
    // The proxy counts without keeping: exactly the limit passes, one byte more is the same 413.
    await expect(checkBodySize(chunked(DEFAULT_MAX_BODY_BYTES), DEFAULT_MAX_BODY_BYTES)).resolves.toBeUndefined();
    expect(await status(checkBodySize(chunked(DEFAULT_MAX_BODY_BYTES + 1), DEFAULT_MAX_BODY_BYTES))).toBe(413);
  });

  it("leaves room in the import body for 500,000 characters at 6 JSON bytes each, plus the other fields", () => {
    expect(IMPORT_MAX_BODY_BYTES - MAX_IMPORT_CHARS * 6).toBeGreaterThan(64 * 1024);
  });

  it("counts bytes, not characters: a body of emoji over the limit in bytes is refused", async () => {
    // 262,144 emoji are 524,288 code units but 1,048,576 UTF-8 bytes: exactly the limit.
    const at = EMOJI.repeat(DEFAULT_MAX_BODY_BYTES / 4);
    expect(await readBodyText(post(at))).toBe(at);
    expect(await status(readBodyText(post(`${at} `)))).toBe(413);
  });
});
