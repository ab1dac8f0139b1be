import { rmSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "./fixtures/app-server";
import { type FakeLlmServer, startFakeLlmServer } from "./fixtures/fake-llm-server";
import { personIn, type StudyRoom } from "./pages/study-room";

const PORT = 3316;
const DATA_DIR = path.resolve(".test-data", "rooms");
const FOLLOW_UP =
  "You said watch time matters most; how many recommendation requests per second do you expect at the evening peak, and how would that shape the ranking budget?";
const ANSWER = "We optimise long-term watch time, because clicks reward clickbait.";

let llm: FakeLlmServer;
let app: AppServer | undefined;
let contexts: BrowserContext[] = [];

/** Three browsers, each its own identity: the host, the candidate and an observer. */
async function threePeople(browser: Browser, baseURL: string): Promise<[StudyRoom, StudyRoom, StudyRoom]> {
  contexts = await Promise.all([1, 2, 3].map(() => browser.newContext({ baseURL })));
  const [a, b, c] = contexts;
  if (!a || !b || !c) throw new Error("three contexts");
  return [await personIn(a), await personIn(b), await personIn(c)];
}

test.beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  // A model that streams its words slowly enough for an observer to watch them arrive.
  llm = await startFakeLlmServer(
    [
      {
        when: "sentence by sentence",
        reply: (prompt) => {
          const text = /<candidate>\n([\s\S]*?)\n<\/candidate>/.exec(prompt)?.[1] ?? "";
          const end = /^end interview$/i.test(text.trim());
          return JSON.stringify({ acts: [{ kind: end ? "end" : "answer", sentence: text }], quantities: [] });
        },
      },
      { when: "Target level", reply: '{"items": []}' },
      { when: "Move: open", reply: "Welcome. Design the homepage recommender; what should it optimise for?" },
      { when: "Move: askFollowUp", reply: FOLLOW_UP },
      { when: "Move: advanceStep", reply: FOLLOW_UP },
    ],
    { wordDelayMs: 60 },
  );
  app = await startAppServer({
    port: PORT,
    dataDir: DATA_DIR,
    env: { OPENAI_BASE_URL: llm.url, LLM_MODEL: "fake-interviewer" },
  });
});

test.afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

test.afterAll(async () => {
  await app?.kill();
  await llm.close();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("a study session with the AI interviewing: watch live, score, compare, rotate seats, remove", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  if (!app) throw new Error("the app did not start");
  const [ada, grace, linus] = await threePeople(browser, app.url);
  const title = "Friday study group";
  const roomId = await ada.create(title, "Ada");
  const invite = await ada.invite();
  await grace.join(invite, "Grace", title);
  await linus.join(invite, "Linus", title);
  // The host's lobby shows them arrive without a reload.
  await expect(ada.member("Linus")).toBeVisible();

  await ada.startRound("Grace", null);
  for (const person of [ada, grace, linus]) await person.openCurrentRound();
  await expect(grace.page.getByTestId("round-seat")).toHaveText(/candidate/i);
  await expect(linus.page.getByTestId("round-seat")).toHaveText(/observer/i);
  await expect(linus.page.getByTestId("round-composer")).toHaveCount(0);

  // The candidate answers; the observer sees the answer, then the reply arriving word by word.
  await linus.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { liveReplies: string[] }).liveReplies = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="live-reply"]')?.textContent?.trim() ?? "";
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await grace.send(ANSWER);
  await expect(linus.transcript().getByTestId("turn-candidate").last()).toContainText(ANSWER);
  await expect(linus.transcript().getByTestId("turn-interviewer").last()).toContainText(FOLLOW_UP);
  const partials = await linus.page.evaluate(() => (window as unknown as { liveReplies: string[] }).liveReplies);
  // Several growing prefixes of the reply, not one block at the end.
  expect(partials.length).toBeGreaterThanOrEqual(3);
  for (const text of partials) expect(FOLLOW_UP.replace(/\s+/g, " ")).toContain(text.replace(/\s+/g, " "));
  expect(llm.requests.some((r) => r.stream)).toBe(true);

  // The observer scores one item with the candidate's sentence as the quote, and keeps a note.
  const item = linus.page.getByTestId("score-item").first();
  const rubricId = (await item.getAttribute("data-rubric-id")) ?? "";
  await item.check();
  await linus.page.locator(`[data-testid="score-quote"][data-rubric-id="${rubricId}"]`).selectOption({ index: 1 });
  // A second tick without a quote, which the AI may read differently.
  await linus.page.getByTestId("score-item").nth(3).check();
  await linus.page.getByTestId("score-save").click();
  await expect(linus.page.getByTestId("score-sheet")).toContainText("Scores saved.");
  await linus.page.getByTestId("note-input").fill("Grace: ask about the cold start next time");
  await linus.page.getByTestId("note-save").click();
  await expect(linus.page.getByTestId("note-item")).toContainText("cold start");
  const roundPath = `/api/rooms/${roomId}/rounds/${await roundId(grace)}`;
  const ticked = (await (await linus.page.request.get(roundPath)).json()).myScores.filter(
    (score: { ticked: boolean; quote: string | null }) => score.ticked,
  );
  expect(ticked).toEqual(
    expect.arrayContaining([expect.objectContaining({ rubricId, quote: expect.stringContaining("clickbait") })]),
  );
  expect(ticked).toHaveLength(2);
  // Private until the end: the candidate's view holds no one's scores.
  expect((await (await grace.page.request.get(roundPath)).json()).peerReport).toBeNull();

  // The candidate ends the round: everyone sees the AI's and Linus's scores side by side.
  await grace.page.getByTestId("end-round").click();
  for (const person of [grace, linus, ada]) {
    await expect(person.page.getByTestId("peer-report")).toBeVisible({ timeout: 20_000 });
  }
  await expect(grace.page.getByTestId("peer-report")).toContainText("Linus");
  await expect(grace.page.getByTestId("peer-report")).toContainText("clickbait");
  await grace.page.getByTestId("peer-report").screenshot({ path: "test-results/rooms-peer-report.png" });

  // The seat rotates: Linus answers the next round, Grace watches.
  await ada.page.goto(`/rooms/${roomId}`);
  await linus.page.goto(`/rooms/${roomId}`);
  await grace.page.goto(`/rooms/${roomId}`);
  await ada.startRound("Linus", null);
  await linus.openCurrentRound();
  await grace.openCurrentRound();
  await expect(linus.page.getByTestId("round-seat")).toHaveText(/candidate/i);
  await expect(grace.page.getByTestId("round-seat")).toHaveText(/observer/i);

  // The host removes Linus: his open round page says so at once, and the room answers him 404.
  await ada.member("Linus").getByTestId("member-remove").click();
  await ada.page.getByTestId("confirm-remove").click();
  await expect(ada.member("Linus")).toHaveCount(0);
  await expect(linus.page.getByTestId("removed-notice")).toBeVisible({ timeout: 5_000 });
  expect((await linus.page.request.get(`/api/rooms/${roomId}`)).status()).toBe(404);
  await expect(grace.page.getByTestId("round-seat")).toHaveText(/observer/i);
});

/** The round id in a round page's URL. */
async function roundId(person: StudyRoom): Promise<string> {
  const id = /\/rounds\/([0-9a-f-]{36})/.exec(person.page.url())?.[1];
  if (!id) throw new Error(`not a round URL: ${person.page.url()}`);
  return id;
}

test("with a member interviewing, only that member sees the interviewer's panel", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  if (!baseURL) throw new Error("no baseURL");
  const [ada, grace, linus] = await threePeople(browser, baseURL);
  const title = "Peer interview practice";
  await ada.create(title, "Ada");
  const invite = await ada.invite();
  await grace.join(invite, "Grace", title);
  await linus.join(invite, "Linus", title);
  await expect(ada.member("Linus")).toBeVisible();
  await ada.startRound("Grace", "Linus");
  for (const person of [ada, grace, linus]) await person.openCurrentRound();

  await expect(linus.page.getByTestId("round-seat")).toHaveText(/interviewer/i);
  const panel = linus.page.getByTestId("interviewer-panel");
  await expect(panel).toBeVisible();
  await expect(grace.page.getByTestId("interviewer-panel")).toHaveCount(0);
  await expect(ada.page.getByTestId("interviewer-panel")).toHaveCount(0);
  // Nor does the panel reach them through the API.
  for (const person of [ada, grace]) {
    const view = await (
      await person.page.request.get(`/api/rooms/${await roomIdOf(person)}/rounds/${await roundId(person)}`)
    ).json();
    expect(view.panel).toBeNull();
  }

  // One click sends a suggested question; the candidate sees it and answers; the interviewer sees that.
  const label = (await panel.getByTestId("suggestion-send").first().getAttribute("aria-label")) ?? "";
  const question = label.replace(/^Send: /, "");
  await panel.getByTestId("suggestion-send").first().click();
  await expect(grace.transcript().getByTestId("turn-interviewer").last()).toBeVisible();
  const asked = (await grace.transcript().getByTestId("turn-interviewer").last().textContent()) ?? "";
  expect(question.length).toBeGreaterThan(0);
  expect(asked).toContain(question);
  await grace.send(ANSWER);
  await expect(linus.transcript().getByTestId("turn-candidate").last()).toContainText(ANSWER);
  await expect(ada.transcript().getByTestId("turn-candidate").last()).toContainText(ANSWER);

  await linus.page.getByTestId("end-round").click();
  await expect(grace.page.getByTestId("peer-report")).toBeVisible({ timeout: 20_000 });
  await expect(linus.page.getByTestId("interviewer-panel")).toHaveCount(0);
});

/** The room id in a round page's URL. */
async function roomIdOf(person: StudyRoom): Promise<string> {
  const id = /\/rooms\/([0-9a-f-]{36})/.exec(person.page.url())?.[1];
  if (!id) throw new Error(`not a room URL: ${person.page.url()}`);
  return id;
}
