-- Postgres has no rowid: `seq` is the deployments' insertion order on both databases (rollback's
-- stack of primaries, the history's tie-break), numbered by the insert (schema.pg.ts). Rows that
-- exist already are numbered by (created_at, id) before the column becomes NOT NULL.
ALTER TABLE "deployments" ADD COLUMN "seq" bigint;--> statement-breakpoint
UPDATE "deployments" SET "seq" = numbered.n FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS n FROM "deployments") AS numbered WHERE numbered."id" = "deployments"."id";--> statement-breakpoint
ALTER TABLE "deployments" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_seq_unique" ON "deployments" USING btree ("seq");
