"use client";

import { type FormEvent, useState } from "react";
import { apiFetch } from "./api-fetch";

/** The name a shared transcript shows; nothing else about the owner is ever shared. */
export function DisplayNameForm({ initial }: { initial: string | null }) {
  const [name, setName] = useState(initial ?? "");
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await apiFetch("/api/me", { method: "PATCH", body: { displayName: name } });
      setSaved("Saved.");
    } catch (caught) {
      setSaved((caught as Error).message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2 text-sm">
      <label htmlFor="display-name">Display name</label>
      <input
        id="display-name"
        data-testid="display-name"
        value={name}
        maxLength={60}
        onChange={(event) => setName(event.target.value)}
        placeholder="shown on shared links"
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        data-testid="save-display-name"
        className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700"
      >
        Save
      </button>
      <span aria-live="polite" className="text-xs text-muted">
        {saved}
      </span>
    </form>
  );
}
