"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import type { RoundView } from "@/lib/rooms/types";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { CheckCard, Turn } from "@/lib/types";
import { useRoundEvents } from "./use-round-events";

function withTurn(view: RoundView, turn: Turn): RoundView {
  if (view.interview.turns.some((t) => t.id === turn.id)) return view;
  return { ...view, interview: { ...view.interview, turns: [...view.interview.turns, turn] } };
}

function withCheck(view: RoundView, turnId: string, card: CheckCard): RoundView {
  const turns = view.interview.turns.map((turn) => (turn.id === turnId ? { ...turn, check: card } : turn));
  return { ...view, interview: { ...view.interview, turns } };
}

/**
 * One round as the viewer sees it, kept live: stored messages are appended as they arrive, the
 * AI's reply grows word by word in `live`, and the round is read again when its step, checks or
 * report change. A view older than the one shown is never put back; `removed` turns true when the
 * host removed the viewer from the room.
 */
export function useRoundView(initial: RoundView) {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState("");
  const [removed, setRemoved] = useState(false);
  const [checkProgress, setCheckProgress] = useState<Record<string, string>>({});
  // The latest event the shown view holds: events up to it are already in it.
  const shownSeq = useRef(initial.interview.eventSeq);
  const base = `/api/rooms/${initial.roomId}/rounds/${initial.id}`;

  const show = useCallback((next: RoundView) => {
    if (next.interview.eventSeq < shownSeq.current) return;
    shownSeq.current = next.interview.eventSeq;
    setView(next);
    // The reply being streamed is stored now: the transcript shows it instead.
    if (next.interview.turns.at(-1)?.role === "interviewer") setLive("");
  }, []);

  const refresh = useCallback(async () => {
    try {
      show(await apiFetch<RoundView>(base));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) setRemoved(true);
    }
  }, [base, show]);

  const onEvent = (event: StreamEvent, seq: number) => {
    if (seq <= shownSeq.current) return;
    if (event.type === "token") setLive((current) => current + event.token);
    else if (event.type === "reset") setLive("");
    else if (event.type === "message") {
      setView((current) => withTurn(current, event.turn));
      if (event.turn.role === "interviewer") setLive("");
      // The step, the clock, the coverage and the interviewer's suggestions follow each message.
      void refresh();
    } else if (event.type === "check") {
      setView((current) => withCheck(current, event.turnId, event.card));
      void refresh();
    } else if (event.type === "check-progress")
      setCheckProgress((current) => ({ ...current, [event.turnId]: event.message }));
    else if (event.type === "step" || event.type === "report") void refresh();
  };

  useRoundEvents(
    initial.roomId,
    initial.id,
    initial.interview.eventSeq,
    !removed && view.status === "running",
    onEvent,
    () => void refresh(),
  );

  return { view, setView, show, refresh, live, removed, checkProgress, base };
}
