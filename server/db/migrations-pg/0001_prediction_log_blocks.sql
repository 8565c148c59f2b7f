CREATE TABLE "prediction_log_blocks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"version_id" text NOT NULL,
	"first_created_at" bigint NOT NULL,
	"last_created_at" bigint NOT NULL,
	"rows" bigint NOT NULL,
	"live" bigint NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prediction_log" ADD COLUMN "block_id" bigint;--> statement-breakpoint
ALTER TABLE "prediction_log_blocks" ADD CONSTRAINT "prediction_log_blocks_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prediction_log_blocks_window_idx" ON "prediction_log_blocks" USING btree ("endpoint_id","version_id","last_created_at");--> statement-breakpoint
CREATE INDEX "prediction_log_block_idx" ON "prediction_log" USING btree ("block_id") WHERE block_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "prediction_log_loose_idx" ON "prediction_log" USING btree ("endpoint_id","created_at") WHERE block_id IS NULL;