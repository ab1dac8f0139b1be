"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Level, StepId } from "@/lib/framework";
import { apiFetch } from "./api-fetch";

/** Starts an interview through the API and opens it; keeps the error sentence for display. */
export function useStartInterview() {
  const router = useRouter();
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(scenarioId: string, level: Level, minutes = 45, drillStep?: StepId) {
    setStarting(scenarioId);
    setError(null);
    try {
      const { id } = await apiFetch<{ id: string }>("/api/interviews", {
        body: { scenarioId, level, minutes, ...(drillStep ? { drillStep } : {}) },
      });
      router.push(`/interview/${id}`);
    } catch (caught) {
      setError((caught as Error).message);
      setStarting(null);
    }
  }

  return { start, starting, error };
}
