import { expect, type Page, test } from "@playwright/test";
import { DONE_CARD, ledgerEntry, PENDING_CARD, rewriteNextReply, withCardOnLastReply } from "./fixtures/routed-view";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const CLAIM = "The index fits in 64 GB for 100 million images at 128 dimensions, because we store float32.";

async function start(page: Page): Promise<InterviewPage> {
  await new HomePage(page).goto();
  await new HomePage(page).startInterview("visual-search", "senior");
  return new InterviewPage(page);
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`on a ${name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    test("each new reply and its check card start in view above the composer", async ({ page }) => {
      const interview = await start(page);
      const answers = [
        "We optimise for relevant visual matches that lead to a save or a click, not raw clicks.",
        "Users upload a photo and expect results within a second or so.",
        "What is the catalogue size and how many searches a day?",
      ];
      for (const answer of answers) {
        await interview.answer(answer);
        await interview.expectNewestReplyInView();
      }

      await interview.answer(CLAIM);
      const card = interview.interviewerTurns().last().getByTestId("check-card");
      await expect(card).toBeVisible({ timeout: 60_000 });
      await expect(card.getByTestId("check-headline")).not.toBeEmpty();
      await interview.expectNewestReplyInView();
      // The card leads with its headline and claim; the working stays folded until asked for.
      const headline = await card.getByTestId("check-headline").boundingBox();
      const composer = await interview.composerForm.boundingBox();
      expect(headline && composer && headline.y + headline.height <= composer.y).toBe(true);
      const working = card.getByTestId("check-working");
      await expect(working).not.toHaveAttribute("open", "");
      await expect(working.locator("table")).toBeHidden();
      await working.locator("summary").click();
      await expect(working.locator("table")).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await working.locator("summary").click();
      await page.screenshot({ path: `test-results/chat-${name}-check-card.png` });
    });

    test("End interview asks first; Cancel and Escape keep the interview going", async ({ page }) => {
      const interview = await start(page);
      const end = page.getByTestId("end-interview");
      const dialog = page.getByRole("dialog", { name: "End the interview now?" });

      await end.click();
      await expect(dialog).toBeVisible();
      await expect(page.getByTestId("cancel-end")).toBeFocused();
      await page.getByTestId("cancel-end").click();
      await expect(dialog).toBeHidden();
      await expect(end).toBeFocused();

      // By keyboard: open with Enter, close with Escape.
      await page.keyboard.press("Enter");
      await expect(dialog).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(end).toBeFocused();
      await expect(page.getByTestId("interview-complete")).toHaveCount(0);
      await expect(interview.composer).toBeEditable();

      // And by keyboard to the end: Tab from Cancel to End, Enter.
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await expect(page.getByTestId("confirm-end")).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("score-report")).toBeVisible();
      await expectNoHorizontalOverflow(page);
    });
  });
}

test("in the dark theme at 390 px the card's working and the End dialog fit the width", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.emulateMedia({ colorScheme: "dark" });
  const interview = await start(page);
  await interview.answer(CLAIM);
  const card = interview.interviewerTurns().last().getByTestId("check-card");
  await expect(card).toBeVisible({ timeout: 60_000 });
  await card.getByTestId("check-working").locator("summary").click();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: "test-results/chat-phone-dark-working.png" });
  await page.getByTestId("end-interview").click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.screenshot({ path: "test-results/chat-phone-dark-end-dialog.png" });
});

test("each reply is announced by exactly one live region", async ({ page }) => {
  const interview = await start(page);
  await interview.answer("We optimise for relevant visual matches that lead to a save, not raw clicks.");
  const reply = (await interview.interviewerTurns().last().locator(":scope > div").first().textContent())?.trim() ?? "";
  expect(reply.length).toBeGreaterThan(10);
  const announcing = await page.evaluate(
    (text) => {
      const live = document.querySelectorAll(
        "[aria-live]:not([aria-live=off]), [role=status], [role=log], [role=alert], output",
      );
      return [...live].filter((element) => (element.textContent ?? "").includes(text)).length;
    },
    reply.slice(0, 60),
  );
  expect(announcing).toBe(1);
  await expect(interview.transcript).not.toHaveAttribute("aria-live", /.*/);
});

test.describe("requirements and numbers so far", () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`lists the view's ledger by source on a ${name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const interview = await start(page);
      await expect(interview.ledger).toBeVisible();
      // The server does not fill the ledger yet, so the reply's view is given entries here: this
      // tests that the panel shows what a view carries, not how the server finds the numbers.
      await rewriteNextReply(page, (view) => ({
        ...view,
        ledger: [
          ledgerEntry({ source: "interviewer", text: "50 million searches a day", what: "searches a day", turn: 0 }),
          ledgerEntry({ source: "candidate", text: "64 GB", what: "index memory", turn: 1 }),
          ledgerEntry({ source: "candidate", text: "100 million images", what: "images", turn: 1 }),
        ],
      }));
      await interview.answer(CLAIM);
      if (name === "phone") {
        // Folded above the transcript on a phone, so the conversation comes first.
        await expect(interview.ledger).not.toHaveAttribute("open", "");
        await interview.ledger.locator("summary").click();
      }
      await expect(interview.ledger.getByTestId("ledger-interviewer")).toContainText("From the interviewer");
      await expect(interview.ledger.getByTestId("ledger-interviewer")).toContainText("50 million searches a day");
      const mine = interview.ledger.getByTestId("ledger-candidate");
      await expect(mine).toContainText("You said");
      await expect(mine.getByTestId("ledger-entry")).toHaveText([
        "64 GB · index memory",
        "100 million images · images",
      ]);
      await expectNoHorizontalOverflow(page);
    });
  }

  test("a number the candidate types reaches the ledger", async ({ page }) => {
    const interview = await start(page);
    await interview.answer(CLAIM);
    if (!(await interview.ledger.getAttribute("open"))) await interview.ledger.locator("summary").click();
    await expect(interview.ledger.getByTestId("ledger-candidate")).toContainText("64 GB");
  });

  test("shows an empty state before anything is said", async ({ page }) => {
    await page.setViewportSize(VIEWPORTS.desktop);
    const interview = await start(page);
    await rewriteNextReply(page, (view) => ({ ...view, ledger: [] }));
    await interview.answer("Hello.");
    await expect(interview.ledger.getByTestId("ledger-empty")).toBeVisible();
  });
});

test.describe("check cards that arrive later", () => {
  test("a pending card shows a spinner and is replaced by the card the stream sends after the view", async ({
    page,
  }) => {
    const interview = await start(page);
    let polls = 0;
    await page.route("**/api/interviews/*", (route) => {
      if (route.request().method() === "GET") polls += 1;
      return route.fallback();
    });
    let turnId = "";
    await rewriteNextReply(
      page,
      (view) => withCardOnLastReply(view, PENDING_CARD),
      (view) => {
        turnId = view.turns.findLast((turn) => turn.role === "interviewer")?.id ?? "";
        return [
          { type: "check-progress", turnId, message: "building the index" },
          { type: "check", turnId, card: DONE_CARD },
        ];
      },
    );
    await interview.answer(CLAIM);
    const card = interview.interviewerTurns().last().getByTestId("check-card");
    await expect(card).toHaveAttribute("data-status", "done");
    await expect(card.getByTestId("check-headline")).toHaveText(DONE_CARD.headline);
    await expect(card.getByTestId("spinner")).toHaveCount(0);
    await expect(interview.composer).toBeEditable();
    expect(turnId).not.toBe("");
    expect(polls, "the stream delivered the card, so nothing was polled").toBe(0);
  });

  test("a card still pending when the stream closes is polled for; a failed one shows its headline", async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const interview = await start(page);
    await rewriteNextReply(page, (view) => withCardOnLastReply(view, PENDING_CARD));
    let polls = 0;
    const failed = { ...PENDING_CARD, status: "failed" as const, headline: "The check did not finish in time." };
    await page.route("**/api/interviews/*", async (route) => {
      if (route.request().method() !== "GET") return route.fallback();
      polls += 1;
      const response = await route.fetch();
      const view = await response.json();
      // Two polls still pending, then the run gives up.
      return route.fulfill({ response, json: withCardOnLastReply(view, polls < 3 ? PENDING_CARD : failed) });
    });
    await interview.answer(CLAIM);
    const card = interview.interviewerTurns().last().getByTestId("check-card");
    await expect(card.getByTestId("check-pending")).toHaveText(/Checking your figure/);
    const spinner = card.getByTestId("spinner");
    await expect(spinner).toBeVisible();
    // With reduced motion the spinner stands still.
    expect(await spinner.evaluate((element) => getComputedStyle(element).animationName)).toBe("none");
    await expect(interview.composer).toBeEditable();

    await expect(card).toHaveAttribute("data-status", "failed", { timeout: 10_000 });
    await expect(card.getByTestId("check-headline")).toHaveText("The check did not finish in time.");
    await expect(card.getByTestId("spinner")).toHaveCount(0);
    const settled = polls;
    await page.waitForTimeout(1_500);
    expect(polls, "polling stops once nothing is pending").toBe(settled);
  });
});
