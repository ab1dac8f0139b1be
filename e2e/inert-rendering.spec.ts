import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { readAnnotations } from "@/lib/diagram/annotations";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { toMermaid } from "@/lib/diagram/mermaid/emit";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";

/**
 * What people type is shown as text, never run: HTML, script, event handlers, `javascript:`
 * links, Markdown links and template syntax in messages, names, imported transcripts, room
 * titles, comments and notes. Every payload tries to set `window.__pwned` or open a dialog; the
 * test proves neither happened on any page that shows them, and that each payload is on the page
 * as the literal text it was.
 */
const PAYLOADS = [
  "<script>window.__pwned='script'</script>",
  "<img src=x onerror=\"window.__pwned='img'\">",
  "<svg onload=window.__pwned='svg'>",
  "[click me](javascript:window.__pwned='md')",
  "<a href=\"javascript:window.__pwned='a'\">link</a>",
  "{{constructor.constructor('window.__pwned=1')()}}",
];
const NAME = "<b onmouseover=alert(1)>Eve</b>";
const TITLE = "<script>alert('room')</script> club";
/** A member's display name (at most 40 characters). */
const MEMBER = "<a href=javascript:alert(1)>Zed</a>";

async function expectInert(page: Page, path: string, texts: string[]): Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  // Hovering, clicking a link and the like are what a reader does; none may run anything either.
  for (const link of await page.locator("a").all()) {
    const href = (await link.getAttribute("href")) ?? "";
    expect(href.trim().toLowerCase().startsWith("javascript:"), `${path}: a javascript: link`).toBe(false);
  }
  for (const text of texts)
    await expect(page.getByText(text, { exact: false }).first(), `${path}: ${text}`).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), path).toBeUndefined();
  expect(dialogs, path).toEqual([]);
}

test("payloads in messages, names, imports, room titles, comments and notes render as inert text", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = page.request;
  expect((await api.patch("/api/me", { data: { displayName: NAME } })).status()).toBe(200);
  const interview = await (
    await api.post("/api/interviews", { data: { scenarioId: "news-feed", level: "senior" } })
  ).json();
  for (const payload of PAYLOADS.slice(0, 3)) {
    const sent = await api.post(`/api/interviews/${interview.id}/messages`, {
      data: { id: randomUUID(), content: payload },
    });
    expect(sent.status()).toBe(200);
  }
  const imported = await api.post("/api/imports", {
    data: {
      scenarioId: "news-feed",
      level: "senior",
      text: PAYLOADS.map((p, i) => `${i % 2 === 0 ? "Interviewer" : "Candidate"}: ${p}`).join("\n"),
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const importedId = (await imported.json()).id as string;
  const share = await (await api.post(`/api/interviews/${interview.id}/shares`, { data: { days: 1 } })).json();

  const room = await (
    await api.post("/api/rooms", { data: { title: TITLE, scenarioId: "news-feed", displayName: NAME } })
  ).json();
  const { token } = await (await api.post(`/api/rooms/${room.id}/invites`, { data: { days: 1 } })).json();
  const other = await browser.newContext({ baseURL });
  const otherId = (await (await other.request.post("/api/rooms/join", { data: { token, displayName: MEMBER } })).json())
    .viewerId;
  const round = await (
    await api.post(`/api/rooms/${room.id}/rounds`, { data: { candidateId: otherId, interviewerId: null } })
  ).json();
  const answerId = randomUUID();
  await other.request.post(`/api/rooms/${room.id}/rounds/${round.id}/messages`, {
    data: { id: answerId, content: PAYLOADS[3] },
  });
  const at = `/api/rooms/${room.id}/rounds/${round.id}`;
  expect((await api.post(`${at}/comments`, { data: { messageId: answerId, body: PAYLOADS[5] } })).status()).toBe(201);
  expect((await api.post(`${at}/notes`, { data: { messageId: answerId, body: PAYLOADS[0] } })).status()).toBe(201);

  await expectInert(page, `/interview/${interview.id}`, PAYLOADS.slice(0, 3));
  await expectInert(page, `/interview/${importedId}`, PAYLOADS);
  await expectInert(page, "/history", [PAYLOADS[0] as string]);
  await expectInert(page, `/s/${share.token}`, [...PAYLOADS.slice(0, 3), NAME]);
  await expectInert(page, `/rooms/${room.id}`, [TITLE, NAME, MEMBER]);
  await expectInert(page, `/rooms/${room.id}/rounds/${round.id}`, [
    TITLE,
    PAYLOADS[3] as string,
    PAYLOADS[5] as string,
  ]);
  await other.close();
});

/** A diagram whose box and arrow labels are the payloads, as Mermaid (labels encoded as Mermaid requires). */
function payloadDiagram(): string {
  const nodes = PAYLOADS.slice(0, 3).map((label, i) => ({
    id: `n${i}`,
    kind: "component" as const,
    label,
    annotations: readAnnotations(label),
    group: null,
  }));
  const edges = [
    { from: "n0", to: "n1", label: PAYLOADS[4] as string, annotations: readAnnotations(""), dashed: false },
    { from: "n1", to: "n2", label: "", annotations: readAnnotations(""), dashed: false },
  ];
  return toMermaid({ nodes, edges });
}

test("payloads in diagram labels render as inert text on the canvas, in the interviewer's question, the shared page and the exports", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const api = page.request;
  const mermaid = payloadDiagram();
  // Drawn on the canvas of a live interview, then read by the interviewer at the next message.
  const interview = await (
    await api.post("/api/interviews", { data: { scenarioId: "news-feed", level: "senior" } })
  ).json();
  const scene = diagramToScene(parseMermaid(mermaid));
  const saved = await api.put(`/api/interviews/${interview.id}/diagram`, { data: { scene } });
  expect(saved.status(), await saved.text()).toBe(200);
  const reply = await api.post(`/api/interviews/${interview.id}/messages`, {
    data: { id: randomUUID(), content: "We rank posts for long-term engagement rather than clicks." },
  });
  expect(reply.status()).toBe(200);
  const view = await (await api.get(`/api/interviews/${interview.id}`)).json();
  const question = view.turns.at(-1).content as string;
  // The interviewer quotes a label it cannot place: it reaches the page as the literal text.
  expect(PAYLOADS.slice(0, 3).some((p) => question.includes(p))).toBe(true);
  await expectInert(
    page,
    `/interview/${interview.id}`,
    PAYLOADS.slice(0, 3).filter((p) => question.includes(p)),
  );

  // Imported with its diagram, shown read-only, shared, and exported.
  const imported = await api.post("/api/imports", {
    data: {
      scenarioId: "news-feed",
      level: "senior",
      text: JSON.stringify({
        turns: [{ role: "candidate", content: "We rank posts for long-term engagement rather than clicks." }],
        diagram: mermaid,
      }),
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const importedId = (await imported.json()).id as string;
  await expectInert(page, `/interview/${importedId}`, []);
  const share = await (await api.post(`/api/interviews/${importedId}/shares`, { data: { days: 1 } })).json();
  await expectInert(page, `/s/${share.token}`, []);
  const image = page.getByTestId("transcript-diagram").getByRole("img").first();
  // The alt text names each box by its label as written (a long one cut with an ellipsis).
  for (const payload of PAYLOADS.slice(0, 3))
    await expect(image).toHaveAttribute("alt", new RegExp(escapeRegExp(payload.slice(0, 24))));

  const markdown = await (await api.get(`/api/interviews/${importedId}/export?format=md`)).text();
  const svg = Buffer.from(
    /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(markdown)?.[1] ?? "",
    "base64",
  ).toString();
  // The labels are there as escaped text (long ones wrapped onto lines of their own) ...
  expect(svg).toContain("&lt;script&gt;");
  expect(svg).toContain("&lt;img src=x");
  // ... and no tag or attribute of theirs: no script, image or link element, no event handler.
  expect(svg).not.toMatch(/<(?:script|img|a|foreignObject)\b/i);
  expect(svg).not.toMatch(/<[^>]*\son\w+\s*=/i);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
