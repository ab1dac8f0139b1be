import { type BrowserContext, expect, type Page } from "@playwright/test";

/** One person's tab in a study room: the lobby and the round page, through their test ids. */
export class StudyRoom {
  constructor(readonly page: Page) {}

  /** The host creates a room from /rooms and lands in its lobby; resolves to the room id. */
  async create(title: string, hostName: string, scenarioId = "video-recommendation"): Promise<string> {
    await this.page.goto("/rooms");
    await this.page.getByTestId("room-title-input").fill(title);
    await this.page.getByTestId("room-scenario-select").selectOption(scenarioId);
    await this.page.getByTestId("room-display-name").fill(hostName);
    await this.page.getByTestId("room-create").click();
    await expect(this.page.getByTestId("room-title")).toHaveText(title);
    const id = /\/rooms\/([0-9a-f-]{36})$/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not a room URL: ${this.page.url()}`);
    return id;
  }

  /** The host makes an invite link and reads it off the page. */
  async invite(): Promise<string> {
    await this.page.getByTestId("invite-create").click();
    const url = (await this.page.getByTestId("invite-url").last().textContent())?.trim() ?? "";
    expect(url).toContain("/rooms/join?token=");
    return url;
  }

  /** Someone opens the link, gives a name and lands in the lobby. */
  async join(inviteUrl: string, name: string, title: string): Promise<void> {
    await this.page.goto(inviteUrl);
    await this.page.getByTestId("join-display-name").fill(name);
    await this.page.getByTestId("join-submit").click();
    await expect(this.page.getByTestId("room-title")).toHaveText(title);
  }

  member(name: string) {
    return this.page.getByTestId("room-member").filter({ hasText: name });
  }

  /** The host starts a round from the lobby; `interviewer` null is the AI. */
  async startRound(candidate: string, interviewer: string | null): Promise<void> {
    await this.page.getByTestId("start-round").click();
    await this.page.getByTestId("round-candidate-select").selectOption({ label: candidate });
    await this.page
      .getByTestId("round-interviewer-select")
      .selectOption(interviewer ? { label: interviewer } : { label: "AI" });
    await this.page.getByTestId("round-start-submit").click();
  }

  /** Follows the lobby's link to the round running now (it appears live). */
  async openCurrentRound(): Promise<void> {
    await this.page.getByTestId("current-round-link").click();
    await expect(this.page.getByTestId("round-seat")).toBeVisible();
  }

  async send(text: string): Promise<void> {
    await this.page.getByTestId("round-composer").fill(text);
    await this.page.getByTestId("round-send").click();
  }

  transcript() {
    return this.page.getByTestId("round-transcript");
  }
}

/** A new browser (its own identity cookie) with one tab open. */
export async function personIn(context: BrowserContext): Promise<StudyRoom> {
  return new StudyRoom(await context.newPage());
}
