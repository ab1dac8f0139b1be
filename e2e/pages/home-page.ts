import { expect, type Page } from "@playwright/test";
import type { Level } from "@/lib/framework";

/** The scenario picker. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByTestId("scenario-video-recommendation")).toBeVisible();
  }

  /** Starts an interview and waits for the interviewer's opening question. */
  async startInterview(scenarioId: string, level: Level): Promise<void> {
    await this.page.getByTestId("level-select").selectOption(level);
    await this.page.getByTestId(`start-${scenarioId}`).click();
    await this.page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId("turn-interviewer").first()).toBeVisible();
  }
}
