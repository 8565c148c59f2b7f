-- Hand-edited: both tables are WITHOUT ROWID (Drizzle cannot declare it), clustered on their primary key.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_run_metrics` (
	`run_id` text NOT NULL,
	`key` text NOT NULL,
	`step_id` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`run_id`, `key`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_run_metrics`("run_id", "key", "step_id", "value") SELECT "run_id", "key", "step_id", "value" FROM `run_metrics`;--> statement-breakpoint
DROP TABLE `run_metrics`;--> statement-breakpoint
ALTER TABLE `__new_run_metrics` RENAME TO `run_metrics`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `run_metrics_key_value_idx` ON `run_metrics` (`key`,`value`);--> statement-breakpoint
CREATE TABLE `__new_run_params` (
	`run_id` text NOT NULL,
	`key` text NOT NULL,
	`step_id` text NOT NULL,
	`value` text NOT NULL,
	`num` real,
	PRIMARY KEY(`run_id`, `key`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_run_params`("run_id", "key", "step_id", "value", "num") SELECT "run_id", "key", "step_id", "value", "num" FROM `run_params`;--> statement-breakpoint
DROP TABLE `run_params`;--> statement-breakpoint
ALTER TABLE `__new_run_params` RENAME TO `run_params`;--> statement-breakpoint
CREATE INDEX `run_params_key_value_idx` ON `run_params` (`key`,`value`);--> statement-breakpoint
CREATE INDEX `run_params_key_num_idx` ON `run_params` (`key`,`num`);--> statement-breakpoint
DROP INDEX `runs_pipeline_created_idx`;--> statement-breakpoint
CREATE INDEX `runs_pipeline_scope_idx` ON `runs` (`pipeline_id`,`parent_run_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `runs_scope_idx` ON `runs` (`id`,`pipeline_id`,`parent_run_id`,`created_at`);