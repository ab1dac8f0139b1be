import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse, INTERNAL_ERROR_MESSAGE, parseJsonBody } from "./handle-route";
import { readBodyText } from "./read-body";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body sent in chunks with no Content-Length, as `Transfer-Encoding: chunked` arrives. */
function chunked(chunks: number, size: number): { request: Request; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { request: post(stream), pulled: () => pulled };
}

async function failure(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  const response = errorResponse(error);
  return { status: response.status, body: await response.json() };
}

describe("readBodyText", () => {
  it("reads a body within the limit", async () => {
    expect(await readBodyText(post('{"a":1}'), 10)).toBe('{"a":1}');
  });

  it("refuses a declared Content-Length over the limit with a 413 naming it, before reading", async () => {
    const request = post("{}", { "content-length": String(2 * 1024 * 1024) });
    expect(await failure(readBodyText(request))).toEqual({
      status: 413,
      body: { error: { code: "too_large:body", message: "The request body can be at most 1 MB." } },
    });
    expect(request.bodyUsed).toBe(false);
  });

  it("stops a chunked body without Content-Length at the limit, reading no further", async () => {
    const { request, pulled } = chunked(100, 64 * 1024);
    expect((await failure(readBodyText(request, 256 * 1024))).status).toBe(413);
    expect(pulled()).toBeLessThan(10);
  });
});

describe("parseJsonBody", () => {
  const schema = z.object({ name: z.string() });

  it("refuses NUL anywhere in the body, in a value or a key, naming where", async () => {
    expect(await failure(parseJsonBody(post('{"name":"a\\u0000b"}'), schema))).toEqual({
      status: 400,
      body: { error: { code: "bad_request:input", message: "name: text cannot hold the NUL character (U+0000)." } },
    });
    expect((await failure(parseJsonBody(post('{"name":"a","x\\u0000":1}'), schema))).status).toBe(400);
  });

  it("answers malformed JSON and an empty body with a 400 sentence", async () => {
    for (const body of ["", "{", "nul"]) {
      expect((await failure(parseJsonBody(post(body), schema))).body.error.code).toBe("bad_request:body");
    }
  });

  it("takes a larger explicit limit", async () => {
    const name = "x".repeat(2 * 1024 * 1024);
    expect(await parseJsonBody(post(JSON.stringify({ name })), schema, { maxBytes: 4 * 1024 * 1024 })).toEqual({
      name,
    });
  });
});

describe("errorResponse", () => {
  it("does not promise that an unexpected failure kept what was sent", async () => {
    const response = errorResponse(new Error("boom"));
    expect(response.status).toBe(500);
    expect((await response.json()).error.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(INTERNAL_ERROR_MESSAGE).toContain("may not have been saved");
  });
});
