import fc from "fast-check";
import { bodyText, nastyJson, pathParam, refusedBodies } from "./arbitraries";

import { anyBody, anyRoom, type FuzzRoute, get, oneOf, room, round, SCENARIO, withBody, without } from "./cases";

/** The study-room routes under app/api/rooms, every method each exports. */
export const ROOM_ROUTES: FuzzRoute[] = [
  {
    name: "POST /api/rooms/[id]/close",
    cases: () =>
      without(
        "POST",
        anyRoom().map((id) => `/api/rooms/${id}/close`),
      ),
  },
  {
    name: "GET /api/rooms/[id]/events",
    cases: () =>
      get(
        anyRoom().map((id) => `/api/rooms/${id}/events`),
        ["after"],
      ),
  },
  {
    name: "PUT /api/rooms/[id]/host",
    cases: (f) =>
      withBody(
        "PUT",
        room(f).map((id) => `/api/rooms/${id}/host`),
        bodyText({ userId: "00000000-0000-4000-8000-000000000000" }),
      ),
  },
  {
    name: "DELETE /api/rooms/[id]/invites/[token]",
    cases: (f) =>
      without(
        "DELETE",
        fc.tuple(room(f), pathParam()).map(([id, token]) => `/api/rooms/${id}/invites/${token}`),
      ),
  },
  {
    name: "POST /api/rooms/[id]/invites",
    cases: (f) =>
      fc.oneof(
        withBody(
          "POST",
          fc.constant(`/api/rooms/${f.roomId}/invites`),
          refusedBodies(
            bodyText(
              { days: 7 },
              nastyJson.filter((d) => d !== 1 && d !== 7).map((days) => ({ days })),
            ),
            (body) => ![undefined, 1, 7].includes(body.days as number),
          ),
        ),
        withBody(
          "POST",
          anyRoom().map((id) => `/api/rooms/${id}/invites`),
          bodyText({ days: 1 }),
        ),
      ),
  },
  {
    name: "DELETE /api/rooms/[id]/members/[userId]",
    cases: (f) =>
      without(
        "DELETE",
        fc.tuple(room(f), pathParam()).map(([id, user]) => `/api/rooms/${id}/members/${user}`),
      ),
  },
  {
    name: "POST /api/rooms/[id]/rounds/[roundId]/comments",
    cases: (f) => withBody("POST", round(f, "/comments"), anyBody),
  },
  { name: "POST /api/rooms/[id]/rounds/[roundId]/end", cases: (f) => without("POST", round(f, "/end")) },
  {
    name: "GET /api/rooms/[id]/rounds/[roundId]/events",
    cases: () =>
      get(
        fc.tuple(anyRoom(), pathParam()).map(([r, id]) => `/api/rooms/${r}/rounds/${id}/events`),
        ["after"],
      ),
  },
  {
    name: "POST /api/rooms/[id]/rounds/[roundId]/messages",
    cases: (f) => withBody("POST", round(f, "/messages"), anyBody),
  },
  { name: "POST /api/rooms/[id]/rounds/[roundId]/notes", cases: (f) => withBody("POST", round(f, "/notes"), anyBody) },
  { name: "GET /api/rooms/[id]/rounds/[roundId]", cases: (f) => get(round(f, "")) },
  { name: "PUT /api/rooms/[id]/rounds/[roundId]/scores", cases: (f) => withBody("PUT", round(f, "/scores"), anyBody) },
  { name: "PUT /api/rooms/[id]/rounds/[roundId]/step", cases: (f) => withBody("PUT", round(f, "/step"), anyBody) },
  {
    name: "POST /api/rooms/[id]/rounds",
    cases: (f) =>
      withBody(
        "POST",
        room(f).map((id) => `/api/rooms/${id}/rounds`),
        // A candidate who is no member: the round never starts.
        bodyText({ candidateId: "00000000-0000-4000-8000-000000000000", interviewerId: null, scenarioId: SCENARIO }),
      ),
  },
  { name: "GET /api/rooms/[id]", cases: (f) => get(room(f).map((id) => `/api/rooms/${id}`)) },
  {
    name: "POST /api/rooms/join",
    cases: () =>
      withBody("POST", fc.constant("/api/rooms/join"), bodyText({ token: "not-a-token", displayName: "Grace" })),
  },
  { name: "GET /api/rooms/notes", cases: () => get(fc.constant("/api/rooms/notes")) },
  {
    name: "POST /api/rooms",
    cases: () =>
      withBody(
        "POST",
        fc.constant("/api/rooms"),
        bodyText(
          { title: "Club", displayName: "Ada", scenarioId: SCENARIO, minutes: 45 },
          oneOf(5, 121, "45", null, 45.5).map((minutes) => ({ minutes })),
        ),
      ),
  },
  { name: "GET /api/rooms", cases: () => get(fc.constant("/api/rooms")) },
];
