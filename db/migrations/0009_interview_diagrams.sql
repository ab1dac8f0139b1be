CREATE TABLE "interview_diagrams" (
	"interview_id" uuid PRIMARY KEY NOT NULL,
	"scene" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"element_count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_diagrams" ADD CONSTRAINT "interview_diagrams_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;