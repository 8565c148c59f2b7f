CREATE TABLE `alias_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`alias` text NOT NULL,
	`version_id` text,
	`from_version_id` text,
	`state` text NOT NULL,
	`requested_by` text,
	`requested_at` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_comment` text,
	FOREIGN KEY (`model_id`) REFERENCES `registered_models`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `alias_requests_state_idx` ON `alias_requests` (`state`,`requested_at`);--> statement-breakpoint
CREATE INDEX `alias_requests_model_id_idx` ON `alias_requests` (`model_id`);--> statement-breakpoint
CREATE TABLE `model_aliases` (
	`model_id` text NOT NULL,
	`alias` text NOT NULL,
	`version_id` text NOT NULL,
	`set_by` text,
	`set_at` integer NOT NULL,
	PRIMARY KEY(`model_id`, `alias`),
	FOREIGN KEY (`model_id`) REFERENCES `registered_models`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `model_aliases_version_id_idx` ON `model_aliases` (`version_id`);--> statement-breakpoint
CREATE TABLE `model_version_metrics` (
	`version_id` text NOT NULL,
	`name` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`version_id`, `name`),
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `model_version_metrics_name_value_idx` ON `model_version_metrics` (`name`,`value`);--> statement-breakpoint
CREATE TABLE `model_version_params` (
	`version_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`version_id`, `key`),
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `model_version_params_key_value_idx` ON `model_version_params` (`key`,`value`,`version_id`);--> statement-breakpoint
CREATE TABLE `model_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`format` text NOT NULL,
	`artifact_id` text NOT NULL,
	`signature` text NOT NULL,
	`metrics` text NOT NULL,
	`run_id` text,
	`step_id` text,
	`pipeline_id` text,
	`pipeline_version_id` text,
	`lineage` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	`deleted_by` text,
	FOREIGN KEY (`model_id`) REFERENCES `registered_models`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`pipeline_version_id`) REFERENCES `pipeline_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_model_version_unique` ON `model_versions` (`model_id`,`version`);--> statement-breakpoint
CREATE INDEX `model_versions_run_id_idx` ON `model_versions` (`run_id`);--> statement-breakpoint
CREATE INDEX `model_versions_artifact_id_idx` ON `model_versions` (`artifact_id`);--> statement-breakpoint
CREATE INDEX `model_versions_created_idx` ON `model_versions` (`created_at`);--> statement-breakpoint
CREATE TABLE `registered_models` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`last_version` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registered_models_project_name_unique` ON `registered_models` (`project_id`,`name`);--> statement-breakpoint
CREATE INDEX `registered_models_updated_idx` ON `registered_models` (`updated_at`);--> statement-breakpoint
CREATE TABLE `registry_settings` (
	`project_id` text PRIMARY KEY NOT NULL,
	`production_approval` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_events_target_idx` ON `audit_events` (`target_type`,`target_id`,`id`);