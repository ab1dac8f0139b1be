"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { inviteTokenOf } from "./invite-token";
import { BUTTON, CARD, FIELD } from "./styles";

/** Paste a teammate's invite link (or its token) and go to the join page for it. */
export function JoinLinkForm() {
  const router = useRouter();
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const token = inviteTokenOf(pasted);
    if (!token) {
      setProblem("Paste the invite link a teammate sent you.");
      return;
    }
    router.push(`/rooms/join?token=${encodeURIComponent(token)}`);
  }

  return (
    <section className={`${CARD} min-w-0 space-y-3`} aria-labelledby="join-room">
      <h2 id="join-room" className="text-lg font-semibold">
        Join with a link
      </h2>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <label className="block space-y-1 text-sm">
          <span>Invite link or token</span>
          <input
            data-testid="join-link-input"
            value={pasted}
            onChange={(event) => {
              setPasted(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "join-link-problem" : undefined}
            placeholder="https://…/rooms/join?token=…"
            className={FIELD}
          />
        </label>
        {problem && (
          <p id="join-link-problem" role="alert" className="text-sm text-red-700 dark:text-red-300">
            {problem}
          </p>
        )}
        <button type="submit" data-testid="join-link-submit" className={BUTTON}>
          Continue
        </button>
      </form>
    </section>
  );
}
