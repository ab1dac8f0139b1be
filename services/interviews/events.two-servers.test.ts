import { randomUUID } from "node:crypto";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLlmServer, startFakeLlmServer } from "@/e2e/fixtures/fake-llm-server";
import { readNdjsonEvents, readSseEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { InterviewView } from "@/lib/types";
import { identityCookie, type Server, type ServerPair, startServerPair } from "@/services/testing/app-servers";
import { interviewerRules } from "@/services/testing/crash-harness";

/**
 * Live events across two `next start` processes on one Postgres: a watcher connected to one
 * server sees what a turn through the other produces (the candidate's message, the reply's
 * words while the model still streams them, the stored reply), resumes after a reconnect from
 * its Last-Event-ID with nothing missed or doubled, and a second browser tab on the other
 * server shows the reply as it streams. The model is a fake OpenAI-compatible server that
 * paces its words, so a reply takes about a second to stream.
 */
const adminUrl = process.env.PROBE_TEST_DATABASE_URL;
if (!adminUrl) console.info("events.two-servers.test.ts: skipped, PROBE_TEST_DATABASE_URL is unset");

const REPLY =
  "You mentioned watch time as the goal; how many requests per second do you expect at peak, and how did you get that figure?";

interface Received {
  id: number | null;
  event: StreamEvent;
  at: number;
}

/** Reads a server's event stream into `into` until `until` says stop or the stream ends. */
async function watch(
  url: string,
  cookie: string,
  headers: Record<string, string>,
  into: Received[],
  until: (received: Received[]) => boolean,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream", ...headers }, signal });
  // (Not the body in the message: an event stream's body never ends.)
  expect(response.status).toBe(200);
  for await (const { id, event } of readSseEvents(response.body as NonNullable<Response["body"]>)) {
    into.push({ id, event, at: Date.now() });
    if (until(into)) return;
  }
}

/** Sends a message through `url` and reads its NDJSON reply; resolves with the time the view arrived. */
async function send(url: string, cookie: string, interviewId: string, content: string): Promise<number> {
  const response = await fetch(`${url}/api/interviews/${interviewId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson", cookie },
    body: JSON.stringify({ id: randomUUID(), content }),
  });
  expect(response.status).toBe(200);
  let viewAt = 0;
  for await (const event of readNdjsonEvents(response.body as NonNullable<Response["body"]>)) {
    if (event.type === "error") throw new Error(event.error.message);
    if (event.type === "view") viewAt = Date.now();
  }
  expect(viewAt).toBeGreaterThan(0);
  return viewAt;
}

const isReply = (r: Received) => r.event.type === "message" && r.event.turn.role === "interviewer";

describe.skipIf(!adminUrl)("live interview events across two app servers", () => {
  let servers: Server[] = [];
  let pair: ServerPair | undefined;
  let llm: FakeLlmServer;
  let cookie = "";
  let interviewId = "";
  let startSeq = 0;

  beforeAll(async () => {
    llm = await startFakeLlmServer(interviewerRules(REPLY), { wordDelayMs: 40 });
    pair = await startServerPair(adminUrl as string, {
      label: "probe-events-two-servers",
      env: { OPENAI_BASE_URL: llm.url, LLM_MODEL: "fake-interviewer" },
    });
    servers = pair.servers;
    const [first] = pair.servers;
    cookie = await identityCookie(first);
    const started = await fetch(`${first.url}/api/interviews`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ scenarioId: "video-recommendation", level: "senior" }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const view = (await started.json()) as InterviewView;
    interviewId = view.id;
    startSeq = view.eventSeq;
  }, 180_000);

  afterAll(async () => {
    await pair?.close();
    await llm?.close();
  });

  it("streams a turn through one server to a watcher on the other, and a reconnect resumes exactly", async () => {
    const [first, second] = servers as [Server, Server];
    const eventsUrl = `${second.url}/api/interviews/${interviewId}/events`;

    // A watcher on the second server; the message goes through the first.
    const seen: Received[] = [];
    const stop = new AbortController();
    const watching = watch(`${eventsUrl}?after=${startSeq}`, cookie, {}, seen, (r) => r.some(isReply), stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const viewAt = await send(first.url, cookie, interviewId, "We optimise long-term watch time, not clicks.");
    await watching;
    stop.abort();

    const kinds = seen.map((r) => r.event.type);
    expect(kinds[0]).toBe("message");
    expect(seen[0]?.event).toMatchObject({ type: "message", turn: { role: "candidate" } });
    const tokens = seen.filter((r) => r.event.type === "token");
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const words = tokens.map((r) => (r.event.type === "token" ? r.event.token : "")).join("");
    const reply = seen.find(isReply);
    expect(reply?.event.type === "message" && reply.event.turn.content).toBe(REPLY);
    expect(words).toBe(REPLY);
    // The words reached the other server while the reply was still being produced.
    expect(tokens[0]?.at).toBeLessThan(viewAt);
    expect(tokens[0]?.at).toBeLessThan(reply?.at ?? 0);
    const ids = seen.map((r) => r.id);
    expect(ids).toEqual(ids.map((_, i) => startSeq + 1 + i));

    // Disconnected after the third event; meanwhile another turn happens through the first server.
    const lastSeen = seen[2]?.id ?? 0;
    await send(first.url, cookie, interviewId, "About 50,000 requests per second at peak, from 200M daily users.");
    const resumed: Received[] = [];
    const stopAgain = new AbortController();
    await watch(
      eventsUrl,
      cookie,
      { "last-event-id": String(lastSeen) },
      resumed,
      (r) => r.filter(isReply).length >= 2,
      stopAgain.signal,
    );
    stopAgain.abort();
    // Numbers only go up from where the watcher left off. The first reply's words it missed were
    // dropped when the next message came (its stored message says them all), so there may be gaps.
    const resumedIds = resumed.map((r) => r.id ?? 0);
    expect(resumedIds[0]).toBeGreaterThan(lastSeen);
    expect(resumedIds).toEqual([...resumedIds].sort((a, b) => a - b));
    const secondWords = resumed
      .slice(resumed.findIndex((r) => r.event.type === "message" && r.event.turn.role === "candidate"))
      .flatMap((r) => (r.event.type === "token" ? [r.event.token] : []))
      .join("");
    expect(secondWords).toBe(REPLY);
    // The rest of the first reply, then the second turn: what was missed, and only that.
    const roles = resumed.flatMap((r) => (r.event.type === "message" ? [r.event.turn.role] : []));
    expect(roles).toEqual(["interviewer", "candidate", "interviewer"]);
    expect(new Set([...ids.slice(0, 3), ...resumedIds]).size).toBe(3 + resumedIds.length);
  }, 120_000);

  it("refuses a watcher who does not own the interview, and a bad Last-Event-ID", async () => {
    const [, second] = servers as [Server, Server];
    const stranger = await fetch(`${second.url}/api/interviews/${interviewId}/events`);
    expect(stranger.status).toBe(404);
    const bad = await fetch(`${second.url}/api/interviews/${interviewId}/events`, {
      headers: { cookie, "last-event-id": "soon" },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/number/);
  });

  it("shows the reply streaming in a second tab connected to the other server", async () => {
    const [first, second] = servers as [Server, Server];
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
    try {
      const context = await browser.newContext();
      const [name, value] = cookie.split("=") as [string, string];
      // Cookies are per host, not per port: both servers see the same identity.
      await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
      const sender = await context.newPage();
      const watcher = await context.newPage();
      await watcher.goto(`${second.url}/interview/${interviewId}`);
      await sender.goto(`${first.url}/interview/${interviewId}`);
      const before = await watcher.getByTestId("turn-interviewer").count();
      // Record every text the watcher's live reply bubble shows while the words arrive.
      await watcher.evaluate(() => {
        const texts: string[] = [];
        (window as unknown as { streamedTexts: string[] }).streamedTexts = texts;
        new MutationObserver(() => {
          const live = document.querySelector('[data-testid="turn-interviewer"][aria-busy="true"]');
          const text = live?.querySelector("div")?.textContent ?? "";
          if (text && texts.at(-1) !== text) texts.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await sender.getByTestId("composer").fill("I would log impressions, clicks and watch time per session.");
      await sender.getByTestId("composer").press("Enter");
      await watcher.getByTestId("turn-interviewer").nth(before).waitFor({ timeout: 30_000 });
      await expect
        .poll(() => watcher.getByTestId("turn-interviewer").last().textContent(), { timeout: 30_000 })
        .toContain("how many requests per second");
      await expect.poll(() => watcher.locator('[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
      const streamed = await watcher.evaluate(() => (window as unknown as { streamedTexts: string[] }).streamedTexts);
      // Several growing partial texts, each the start of the reply: it streamed, it did not just appear.
      expect(streamed.length).toBeGreaterThanOrEqual(3);
      for (const text of streamed) expect(REPLY.startsWith(text.trim())).toBe(true);
      await expect
        .poll(() => watcher.getByText("I would log impressions, clicks and watch time per session.").count())
        .toBe(1);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
