"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Level, StepId } from "@/lib/framework";

/** Starts an interview through the API and opens it; keeps the error sentence for display. */
export function useStartInterview() {
  const router = useRouter();
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(scenarioId: string, level: Level, minutes = 45, drillStep?: StepId) {
    setStarting(scenarioId);
    setError(null);
    try {
      const response = await fetch("/api/interviews", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId, level, minutes, ...(drillStep ? { drillStep } : {}) }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) throw new Error(body?.error?.message ?? "Could not start the interview.");
      router.push(`/interview/${body.id}`);
    } catch (caught) {
      setError((caught as Error).message);
      setStarting(null);
    }
  }

  return { start, starting, error };
}
