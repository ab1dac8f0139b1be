import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  vector,
} from "drizzle-orm/pg-core";
import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { LEVELS, type ScenarioId, type StepId } from "@/lib/domain/framework";
import type { ScoreReport } from "@/lib/domain/report";
import { ROOM_EVENT_KINDS } from "@/lib/rooms/types";

/** Dimension of the passage index; the default embedding model (all-MiniLM-L6-v2) and the fallback both produce it. */
export const EMBEDDING_DIMENSION = 384;

const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** An anonymous browser identity (an external sign-in can attach to the same row later). */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  displayName: text("display_name"),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** One attempt at one scenario; its LangGraph thread id is its own id. */
export const interviews = pgTable(
  "interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    scenarioId: text("scenario_id").$type<ScenarioId>().notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    status: text("status", { enum: ["active", "completed"] })
      .notNull()
      .default("active"),
    currentStep: text("current_step").$type<StepId>().notNull(),
    /**
     * "live" interviews run the interviewer graph; "import" ones are scored transcripts of human
     * mock interviews; "peer" ones are study-room rounds where a member asks the questions.
     */
    source: text("source", { enum: ["live", "import", "peer"] })
      .notNull()
      .default("live"),
    /** A drill covers one step only: the interview opens at it and wraps up after it. */
    drillStep: text("drill_step").$type<StepId>(),
    /** The interview length the candidate chose; the interviewer splits it across the steps. */
    minutes: integer("minutes").notNull().default(45),
    report: jsonb("report").$type<ScoreReport>(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [index("interviews_user_created_idx").on(table.userId, table.createdAt)],
);
export type Interview = typeof interviews.$inferSelect;
export type NewInterview = typeof interviews.$inferInsert;

/**
 * The transcript. Candidate rows are written before the graph runs; interviewer rows carry
 * ids derived from the graph's turn counter, so a replayed node cannot write one twice.
 */
export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["interviewer", "candidate"] }).notNull(),
    step: text("step").$type<StepId>(),
    content: text("content").notNull(),
    meta: jsonb("meta"),
    createdAt: createdAt(),
  },
  (table) => [index("messages_interview_seq_idx").on(table.interviewId, table.seq)],
);
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

/**
 * Read-only share links. The id is the token itself (32 random bytes, base64url): unguessable,
 * and revocable by setting revokedAt. A link past expiresAt or revoked shows nothing.
 */
export const shares = pgTable(
  "shares",
  {
    token: text("token").primaryKey(),
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("shares_user_idx").on(table.userId, table.createdAt)],
);
export type Share = typeof shares.$inferSelect;

/** Validated scenario files, loaded at start; `contentHash` makes seeding idempotent. */
export const scenarios = pgTable("scenarios", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  content: jsonb("content").notNull(),
  contentHash: text("content_hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type ScenarioRow = typeof scenarios.$inferSelect;

/**
 * The grounding index: one row per chunk of a case-study passage (most passages are one chunk).
 * scenarioId is null for cross-cutting topics. The embedding's model and dimension are stored
 * beside it so that a model switch re-embeds instead of mixing vector spaces.
 */
export const passages = pgTable(
  "passages",
  {
    /** The chunk id: the passage id, or `<passage id>#<n>` for a piece of a long passage. */
    id: text("id").primaryKey(),
    passageId: text("passage_id").notNull(),
    scenarioId: text("scenario_id"),
    steps: text("steps").array().notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    contentHash: text("content_hash").notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSION }),
    embeddingModel: text("embedding_model"),
    embeddingDim: integer("embedding_dim"),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("text", '')), 'B')`,
      ),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("passages_embedding_hnsw_idx").using("hnsw", table.embedding.op("vector_cosine_ops")),
    index("passages_search_gin_idx").using("gin", table.search),
    index("passages_scenario_idx").on(table.scenarioId),
  ],
);
export type PassageRow = typeof passages.$inferSelect;
export type NewPassageRow = typeof passages.$inferInsert;

/**
 * One pipeline run started from any server. A running row's `heartbeatAt` is refreshed by the
 * process running it; a row whose heartbeat stopped belongs to a server that died, and the next
 * server to start marks it failed (see failOrphanedRuns), so no run stays "running" forever.
 */
export const pipelineRuns = pgTable(
  "pipeline_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pipeline: text("pipeline").notNull(),
    params: jsonb("params").notNull(),
    status: text("status", { enum: ["running", "succeeded", "failed"] })
      .notNull()
      .default("running"),
    error: text("error"),
    /** Who started it, when the request carried an identity; kept when the user is deleted. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The process that runs it (random per process start; see lib/server/instance-id.ts). */
    serverInstanceId: text("server_instance_id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("pipeline_runs_status_heartbeat_idx").on(table.status, table.heartbeatAt),
    index("pipeline_runs_started_idx").on(table.startedAt),
  ],
);
export type PipelineRun = typeof pipelineRuns.$inferSelect;
export type PipelineRunStatus = PipelineRun["status"];

/** What one interview event tells watchers; the content it points at is read from its table. */
export const INTERVIEW_EVENT_KINDS = [
  "message",
  "token",
  "reset",
  "step",
  "check",
  "check-progress",
  "report",
] as const;
export type InterviewEventKind = (typeof INTERVIEW_EVENT_KINDS)[number];

/**
 * The interview's live events in order: `seq` counts from 1 per interview, so a watcher that
 * reconnects asks for what came after the last one it saw. Rows are small (an id, a step, a few
 * streamed words); a `message` event's text is read from `messages` when it is sent on.
 */
export const interviewEvents = pgTable(
  "interview_events",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    kind: text("kind", { enum: INTERVIEW_EVENT_KINDS }).notNull(),
    data: jsonb("data").$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.interviewId, table.seq] })],
);
export type InterviewEventRow = typeof interviewEvents.$inferSelect;

/** The most people in one study room, host included. */
export const ROOM_MEMBER_LIMIT = 20;

/**
 * A team study room: one host, members who joined through an invite link, rounds in which one
 * member is the candidate. `scenarioId` null means the host chooses a scenario for each round.
 */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    scenarioId: text("scenario_id").$type<ScenarioId>(),
    level: text("level", { enum: LEVELS }).notNull(),
    minutes: integer("minutes").notNull().default(45),
    hostUserId: uuid("host_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (table) => [index("rooms_host_idx").on(table.hostUserId, table.createdAt)],
);
export type Room = typeof rooms.$inferSelect;

/** Who is in a room. A removed member keeps the row (with `removedAt`) so an old link cannot bring them back. */
export const roomMembers = pgTable(
  "room_members",
  {
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.userId] }), index("room_members_user_idx").on(table.userId)],
);
export type RoomMember = typeof roomMembers.$inferSelect;

/** An invite link's unguessable token, with an expiry; the host can revoke it. */
export const roomInvites = pgTable(
  "room_invites",
  {
    token: text("token").primaryKey(),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("room_invites_room_idx").on(table.roomId)],
);
export type RoomInvite = typeof roomInvites.$inferSelect;

/**
 * One round of a study room: an ordinary interview (owned by the candidate, so it is in their
 * history) that also belongs to the room. `interviewerUserId` null means the AI interviews.
 * At most one round of a room runs at a time.
 */
export const roomRounds = pgTable(
  "room_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    scenarioId: text("scenario_id").$type<ScenarioId>().notNull(),
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    candidateUserId: uuid("candidate_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    interviewerUserId: uuid("interviewer_user_id").references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["running", "ended"] })
      .notNull()
      .default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("room_rounds_room_number_idx").on(table.roomId, table.number),
    uniqueIndex("room_rounds_one_running_idx").on(table.roomId).where(sql`${table.status} = 'running'`),
    index("room_rounds_interview_idx").on(table.interviewId),
  ],
);
export type RoomRound = typeof roomRounds.$inferSelect;

/** A peer's tick on one rubric item of a round, with the candidate's sentence they quote. Private until the round ends. */
export const roundScores = pgTable(
  "round_scores",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => roomRounds.id, { onDelete: "cascade" }),
    scorerUserId: uuid("scorer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rubricId: text("rubric_id").notNull(),
    step: text("step").$type<StepId>().notNull(),
    ticked: boolean("ticked").notNull(),
    quote: text("quote"),
    quoteMessageId: text("quote_message_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.scorerUserId, table.rubricId] })],
);
export type RoundScore = typeof roundScores.$inferSelect;

/**
 * What members write during a round: a `comment` is tied to a message and shared with the room
 * once the round ends; a `note` is private to its author for good, and kept in their history.
 */
export const roundRemarks = pgTable(
  "round_remarks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => roomRounds.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["comment", "note"] }).notNull(),
    messageId: text("message_id"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("round_remarks_round_idx").on(table.roundId, table.createdAt),
    index("round_remarks_author_idx").on(table.authorUserId, table.kind, table.createdAt),
  ],
);
export type RoundRemark = typeof roundRemarks.$inferSelect;

/** A room's live events in order (members, host, rounds); numbered per room like interview events. */
export const roomEvents = pgTable(
  "room_events",
  {
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    kind: text("kind", { enum: ROOM_EVENT_KINDS }).notNull(),
    data: jsonb("data").$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.seq] })],
);
export type RoomEventRow = typeof roomEvents.$inferSelect;

/**
 * Requests counted per identity, per kind of costly work, per fixed window: the rate limits hold
 * across servers because the count is here. Old windows are deleted as new ones open.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    userId: uuid("user_id").notNull(),
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.bucket, table.windowStart] }),
    index("rate_limit_windows_start_idx").on(table.windowStart),
  ],
);

/**
 * The candidate's diagram of one interview (issue 16): the Excalidraw scene as last saved, one
 * row per interview, replaced whole on each save. `revision` starts at 1 and goes up by one per
 * save, so a tab saving over a newer scene from another tab is refused instead of silently
 * winning. `elementCount` is kept beside the scene so lists and limits need not open the JSON.
 * The interviewer, the checks and the scorer read it through its text form (sceneToDiagram).
 */
export const interviewDiagrams = pgTable("interview_diagrams", {
  interviewId: uuid("interview_id")
    .primaryKey()
    .references(() => interviews.id, { onDelete: "cascade" }),
  /** `{elements, appState?}` as saved: appState trimmed to a few harmless keys, no files (images are not supported). */
  scene: jsonb("scene").$type<ExcalidrawScene>().notNull(),
  revision: integer("revision").notNull(),
  elementCount: integer("element_count").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type InterviewDiagramRow = typeof interviewDiagrams.$inferSelect;
