import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiFetch } from "./api-fetch";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch", () => {
  it("sends the body as JSON with POST and returns the parsed answer", async () => {
    const fetchMock = stubFetch(json(201, { id: "abc" }));
    await expect(apiFetch<{ id: string }>("/api/interviews", { body: { level: "senior" } })).resolves.toEqual({
      id: "abc",
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/interviews");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe('{"level":"senior"}');
    expect(init?.headers).toMatchObject({ "content-type": "application/json" });
  });

  it("GETs without a body when neither method nor body is given", async () => {
    const fetchMock = stubFetch(json(200, { shares: [] }));
    await apiFetch("/api/shares");
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe("GET");
    expect(init?.body).toBeUndefined();
  });

  it("validates the answer with a schema", async () => {
    stubFetch(json(200, { id: "abc", extra: 1 }));
    await expect(apiFetch("/api/x", { schema: z.object({ id: z.string() }) })).resolves.toEqual({ id: "abc" });
  });

  it("throws the server's code and message from a JSON error", async () => {
    stubFetch(json(422, { error: { code: "invalid_transcript", message: "A transcript needs at least one turn." } }));
    const error = await caught(apiFetch("/api/imports", { body: {} }));
    expect(error).toMatchObject({
      status: 422,
      code: "invalid_transcript",
      message: "A transcript needs at least one turn.",
    });
  });

  it.each([
    ["an HTML page", new Response("<html>Bad gateway</html>", { status: 502 })],
    ["an empty body", new Response(null, { status: 500 })],
    ["JSON without an error message", json(404, { detail: "nope" })],
  ])("falls back to the status for %s", async (_name, response) => {
    stubFetch(response);
    const error = await caught(apiFetch("/api/x"));
    expect(error).toMatchObject({ status: response.status, code: null });
    expect(error.message).toBe(`The server answered ${response.status}.`);
  });

  it("returns undefined for 204", async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiFetch("/api/shares/t", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("throws when the answer does not match the schema", async () => {
    stubFetch(json(200, { id: 42 }));
    const error = await caught(apiFetch("/api/x", { schema: z.object({ id: z.string() }) }));
    expect(error).toMatchObject({ status: 200, code: "invalid_response" });
  });

  it("passes the abort signal on", async () => {
    const fetchMock = stubFetch(json(200, {}));
    const controller = new AbortController();
    await apiFetch("/api/x", { signal: controller.signal });
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBe(controller.signal);
  });
});
