-- Rollback's stack of primaries and the history's tie-break ordered deployments by SQLite's rowid,
-- which Postgres does not have; `seq` is that insertion order on both databases, numbered by the
-- insert (schema.ts). SQLite cannot add a NOT NULL column without a default, so the table is
-- rebuilt and its existing rows keep their order: seq = the old rowid. Nothing references it.
CREATE TABLE `__new_deployments` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`version_id` text NOT NULL,
	`role` text NOT NULL,
	`traffic_percent` integer NOT NULL,
	`reason` text NOT NULL,
	`run_id` text,
	`step_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	`retired_by` text,
	`seq` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`retired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_deployments` (`id`, `endpoint_id`, `version_id`, `role`, `traffic_percent`, `reason`, `run_id`, `step_id`, `created_by`, `created_at`, `retired_at`, `retired_by`, `seq`)
SELECT `id`, `endpoint_id`, `version_id`, `role`, `traffic_percent`, `reason`, `run_id`, `step_id`, `created_by`, `created_at`, `retired_at`, `retired_by`, rowid FROM `deployments` ORDER BY rowid;
--> statement-breakpoint
DROP TABLE `deployments`;--> statement-breakpoint
ALTER TABLE `__new_deployments` RENAME TO `deployments`;--> statement-breakpoint
CREATE INDEX `deployments_endpoint_live_idx` ON `deployments` (`endpoint_id`,`retired_at`);--> statement-breakpoint
CREATE INDEX `deployments_version_id_idx` ON `deployments` (`version_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `deployments_seq_unique` ON `deployments` (`seq`);
