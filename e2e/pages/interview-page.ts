import { expect, type Locator, type Page } from "@playwright/test";
import type { StepId } from "@/lib/framework";

/** The live interview: transcript, composer and step tracker. */
export class InterviewPage {
  readonly transcript: Locator;
  readonly composer: Locator;
  /** The sticky answer box around the composer and its buttons. */
  readonly composerForm: Locator;
  readonly ledger: Locator;

  constructor(private readonly page: Page) {
    this.transcript = page.getByTestId("transcript");
    this.composer = page.getByTestId("composer");
    this.composerForm = page.getByTestId("composer-form");
    this.ledger = page.getByTestId("ledger");
  }

  turns(): Locator {
    return this.transcript.locator("li");
  }

  interviewerTurns(): Locator {
    return this.page.getByTestId("turn-interviewer");
  }

  /** Waits until the reply has finished streaming and the stored turns have replaced the live ones. */
  async settled(): Promise<void> {
    await expect(this.transcript.locator("[aria-busy=true]")).toHaveCount(0);
  }

  /** Types an answer, sends it with Enter, and waits for the interviewer's whole reply. */
  async answer(text: string): Promise<void> {
    const before = await this.interviewerTurns().count();
    await this.composer.fill(text);
    await this.composer.press("Enter");
    await expect(this.interviewerTurns()).toHaveCount(before + 1);
    await this.settled();
  }

  async pressNextStep(): Promise<void> {
    const before = await this.interviewerTurns().count();
    await this.page.getByTestId("next-step").click();
    await expect(this.interviewerTurns()).toHaveCount(before + 1);
    await this.settled();
  }

  /** Ends the interview through its confirmation dialog and waits for the report. */
  async endInterview(): Promise<void> {
    await this.page.getByTestId("end-interview").click();
    await this.page.getByTestId("confirm-end").click();
    await expect(this.page.getByTestId("score-report")).toBeVisible();
  }

  /**
   * Asserts the newest interviewer reply starts inside the window and above the sticky composer,
   * so the candidate sees it without scrolling.
   */
  async expectNewestReplyInView(): Promise<void> {
    const reply = await this.interviewerTurns().last().boundingBox();
    const composer = await this.composerForm.boundingBox();
    const viewport = this.page.viewportSize();
    if (!reply || !composer || !viewport) throw new Error("the reply, the composer or the viewport has no size");
    expect(reply.y, "the reply starts below the top of the window").toBeGreaterThanOrEqual(0);
    expect(reply.y, "the reply starts above the composer").toBeLessThan(composer.y - 16);
    expect(composer.y + composer.height, "the composer is inside the window").toBeLessThanOrEqual(viewport.height + 1);
  }

  async expectCurrentStep(step: StepId): Promise<void> {
    await expect(this.page.getByTestId(`step-${step}`)).toHaveAttribute("data-state", "current");
  }

  async transcriptTexts(): Promise<string[]> {
    return this.turns().allInnerTexts();
  }
}
