/** Where the canvas's autosave stands, as the panel shows and announces it. */
export type SaveStatus =
  | { state: "empty" }
  | { state: "saved" }
  | { state: "saving" }
  | { state: "failed"; message: string };

export function saveStatusText(status: SaveStatus): string {
  switch (status.state) {
    case "empty":
      return "Nothing drawn yet";
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "failed":
      return `Not saved: ${status.message}`;
  }
}
