CREATE TABLE `run_datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`step_id` text NOT NULL,
	`node_type` text NOT NULL,
	`source_key` text NOT NULL,
	`dataset_version_id` text,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_version_id`) REFERENCES `dataset_versions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_datasets_run_step_unique` ON `run_datasets` (`run_id`,`step_id`);--> statement-breakpoint
CREATE INDEX `run_datasets_dataset_version_idx` ON `run_datasets` (`dataset_version_id`);--> statement-breakpoint
CREATE INDEX `run_datasets_source_key_idx` ON `run_datasets` (`source_key`);--> statement-breakpoint
CREATE TABLE `run_metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`step_id` text NOT NULL,
	`key` text NOT NULL,
	`value` real NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_metrics_run_key_unique` ON `run_metrics` (`run_id`,`key`);--> statement-breakpoint
CREATE INDEX `run_metrics_key_value_idx` ON `run_metrics` (`key`,`value`);--> statement-breakpoint
CREATE TABLE `run_params` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`step_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`num` real,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_params_run_key_unique` ON `run_params` (`run_id`,`key`);--> statement-breakpoint
CREATE INDEX `run_params_key_value_idx` ON `run_params` (`key`,`value`);--> statement-breakpoint
CREATE INDEX `run_params_key_num_idx` ON `run_params` (`key`,`num`);--> statement-breakpoint
ALTER TABLE `runs` ADD `parent_run_id` text REFERENCES runs(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `runs` ADD `parent_step_id` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `name` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `reproduces_run_id` text REFERENCES runs(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `runs` ADD `use_cache` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `records_indexed` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `runs_pipeline_created_idx` ON `runs` (`pipeline_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `runs_parent_run_id_idx` ON `runs` (`parent_run_id`);--> statement-breakpoint
ALTER TABLE `step_runs` ADD `params` text;--> statement-breakpoint
ALTER TABLE `step_runs` ADD `code_hash` text;--> statement-breakpoint
-- Hand-written backfill: earlier runs kept each step's params and code hash only inside runs.plan.
UPDATE `step_runs` SET
	`params` = (SELECT json_extract(s.value, '$.params') FROM `runs` r, json_each(r.plan, '$.steps') s WHERE r.id = `step_runs`.`run_id` AND json_extract(s.value, '$.id') = `step_runs`.`step_id`),
	`code_hash` = (SELECT json_extract(s.value, '$.fingerprint.codeHash') FROM `runs` r, json_each(r.plan, '$.steps') s WHERE r.id = `step_runs`.`run_id` AND json_extract(s.value, '$.id') = `step_runs`.`step_id`)
WHERE `params` IS NULL;
