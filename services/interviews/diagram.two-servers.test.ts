import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrow, box, text } from "@/lib/diagram/excalidraw/testing/scenes";
import { identityCookie, type Server, type ServerPair, startServerPair } from "@/services/testing/app-servers";

/**
 * The diagram API across two `next start` processes of the built app (`npm run build` first) on
 * one Postgres: a scene saved through one server reads back identical through the other, a stale
 * save from the other is refused, and the HTTP refusals (someone else's interview, too large,
 * malformed, not JSON, another site) answer with a status and a sentence and store nothing.
 */
const adminUrl = process.env.PROBE_TEST_DATABASE_URL;
if (!adminUrl) console.info("diagram.two-servers.test.ts: skipped, PROBE_TEST_DATABASE_URL is unset");

interface DiagramBody {
  scene: { elements: unknown[]; appState?: unknown } | null;
  revision: number;
  updatedAt: string | null;
}

const SCENE = {
  type: "excalidraw",
  version: 2,
  elements: [
    box("a", 0, 0, { boundElements: [{ id: "ta", type: "text" }], seed: 11, version: 4 }),
    text("ta", 10, 20, "Feature store", { containerId: "a" }),
    box("b", 300, 0, { boundElements: [{ id: "tb", type: "text" }], seed: 12 }),
    text("tb", 310, 20, "Ranker p99 20 ms", { containerId: "b" }),
    arrow("ab", [100, 30], [300, 30], { startBinding: { elementId: "a" }, endBinding: { elementId: "b" } }),
  ],
  appState: { viewBackgroundColor: "#ffffff", gridSize: null },
};

async function put(server: Server, cookie: string, interviewId: string, body: unknown, headers = {}) {
  return fetch(`${server.url}/api/interviews/${interviewId}/diagram`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function get(server: Server, cookie: string, interviewId: string): Promise<Response> {
  return fetch(`${server.url}/api/interviews/${interviewId}/diagram`, { headers: { cookie } });
}

async function read(server: Server, cookie: string, interviewId: string): Promise<DiagramBody> {
  const response = await get(server, cookie, interviewId);
  expect(response.status).toBe(200);
  return (await response.json()) as DiagramBody;
}

async function refusal(response: Response): Promise<[number, string, string]> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return [response.status, body.error.code, body.error.message];
}

describe.skipIf(!adminUrl)("the diagram API across two app servers", () => {
  let pair: ServerPair | undefined;
  let first: Server;
  let second: Server;
  let cookie = "";
  let interviewId = "";

  beforeAll(async () => {
    pair = await startServerPair(adminUrl as string, { label: "probe-diagram-two-servers" });
    [first, second] = pair.servers;
    cookie = await identityCookie(first);
    const started = await fetch(`${first.url}/api/interviews`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ scenarioId: "video-recommendation", level: "senior" }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    interviewId = ((await started.json()) as { id: string }).id;
  }, 180_000);

  afterAll(async () => {
    await pair?.close();
  });

  it("reads back through one server exactly the scene and revision saved through the other", async () => {
    expect(await read(second, cookie, interviewId)).toEqual({ scene: null, revision: 0, updatedAt: null });

    const saved = await put(first, cookie, interviewId, { scene: SCENE, baseRevision: 0 });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const { revision, updatedAt } = (await saved.json()) as { revision: number; updatedAt: string };
    expect(revision).toBe(1);

    const restored = await read(second, cookie, interviewId);
    expect(restored.revision).toBe(1);
    expect(restored.updatedAt).toBe(updatedAt);
    expect(restored.scene?.elements).toEqual(SCENE.elements);
    expect(restored.scene?.appState).toEqual(SCENE.appState);

    // The second server saves on from what it read; the first, still at revision 1, is refused.
    const next = { ...SCENE, elements: SCENE.elements.slice(0, 2) };
    const moved = await put(second, cookie, interviewId, { scene: next, baseRevision: 1 });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { revision: number }).revision).toBe(2);
    const stale = await put(first, cookie, interviewId, { scene: SCENE, baseRevision: 1 });
    const [status, code, message] = await refusal(stale);
    expect([status, code]).toEqual([409, "conflict:diagram_revision"]);
    expect(message).toContain("it is now at revision 2");

    const now = await read(first, cookie, interviewId);
    expect(now.revision).toBe(2);
    expect(now.scene?.elements).toEqual(next.elements);
  }, 60_000);

  it("refuses someone else, an oversized or malformed scene, a non-JSON body and another site, storing nothing", async () => {
    const before = await read(first, cookie, interviewId);
    expect(before.revision).toBeGreaterThan(0);
    const stranger = await identityCookie(second);

    expect(await refusal(await get(second, stranger, interviewId))).toEqual([
      404,
      "not_found:interview",
      "This interview does not exist.",
    ]);
    expect((await put(second, stranger, interviewId, { scene: SCENE })).status).toBe(404);

    // Over the body limit: refused by the proxy as it arrives.
    const huge = JSON.stringify({ scene: { elements: [text("t", 0, 0, "x".repeat(3 * 1024 * 1024))] } });
    expect(await refusal(await put(first, cookie, interviewId, huge))).toEqual([
      413,
      "too_large:body",
      "The request body can be at most 2.5 MB.",
    ]);
    // Within the body limit but over the scene's 2 MB: the reader's own sentence.
    // (originalText null: the text once, so the body is just over 2 MB.)
    const big = { scene: { elements: [text("t", 0, 0, "x".repeat(2 * 1024 * 1024), { originalText: null })] } };
    expect(await refusal(await put(second, cookie, interviewId, big))).toEqual([
      413,
      "too_large:diagram",
      "The drawing is larger than 2,097,152 bytes (2 MB), the most that can be read.",
    ]);
    const many = { scene: { elements: Array.from({ length: 5001 }, (_, i) => box(`b${i}`, i, 0)) } };
    expect((await refusal(await put(first, cookie, interviewId, many)))[0]).toBe(413);

    const { width: _w, ...noWidth } = box("a", 0, 0);
    expect(await refusal(await put(first, cookie, interviewId, { scene: { elements: [noWidth] } }))).toEqual([
      400,
      "bad_request:diagram",
      'The drawing is not a valid Excalidraw scene: element 1 ("a") field "width": missing (expected number).',
    ]);
    const [noScene, noSceneCode] = await refusal(await put(first, cookie, interviewId, { baseRevision: 2 }));
    expect([noScene, noSceneCode]).toEqual([400, "bad_request:input"]);
    expect((await refusal(await put(first, cookie, interviewId, { scene: [], baseRevision: -1 })))[0]).toBe(400);

    const plain = await put(first, cookie, interviewId, JSON.stringify({ scene: SCENE }), {
      "content-type": "text/plain",
    });
    expect((await refusal(plain))[0]).toBe(415);
    const crossSite = await put(first, cookie, interviewId, { scene: SCENE }, { origin: "https://evil.example" });
    expect((await refusal(crossSite))[0]).toBe(403);

    expect(await read(second, cookie, interviewId)).toEqual(before);
  }, 60_000);
});
