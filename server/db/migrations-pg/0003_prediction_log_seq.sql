-- Postgres has no rowid. SQLite's prediction_log orders ties of created_at by its rowid (the
-- drift and decay readers page by (created_at, rowid), and a columnar block lists its rows'
-- rowids); on Postgres `seq` plays that part: numbered in insertion order, with the index SQLite's
-- (endpoint_id, created_at) index is implicitly (it ends in the rowid). It is left out of
-- schema.pg.ts on purpose, as the rowid is out of schema.ts: queries name it through the dialect
-- (a `sql` fragment), and rows are never inserted with it.
ALTER TABLE "prediction_log" ADD COLUMN "seq" bigserial NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "prediction_log_seq_unique" ON "prediction_log" USING btree ("seq");
--> statement-breakpoint
CREATE INDEX "prediction_log_endpoint_created_seq_idx" ON "prediction_log" USING btree ("endpoint_id","created_at","seq");
