CREATE TABLE `deployments` (
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
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`retired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deployments_endpoint_live_idx` ON `deployments` (`endpoint_id`,`retired_at`);--> statement-breakpoint
CREATE INDEX `deployments_version_id_idx` ON `deployments` (`version_id`);--> statement-breakpoint
CREATE TABLE `endpoint_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`scopes` text NOT NULL,
	`rate_limit_per_minute` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `endpoint_keys_key_hash_unique` ON `endpoint_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `endpoint_keys_endpoint_id_idx` ON `endpoint_keys` (`endpoint_id`);--> statement-breakpoint
CREATE TABLE `endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`model_id` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`log_sample_rate` real DEFAULT 1 NOT NULL,
	`max_body_bytes` integer DEFAULT 1048576 NOT NULL,
	`rate_limit_per_minute` integer DEFAULT 6000 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`undeployed_at` integer,
	`undeployed_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`model_id`) REFERENCES `registered_models`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`undeployed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `endpoints_name_unique` ON `endpoints` (`name`);--> statement-breakpoint
CREATE INDEX `endpoints_project_id_idx` ON `endpoints` (`project_id`);--> statement-breakpoint
CREATE INDEX `endpoints_revision_idx` ON `endpoints` (`revision`);--> statement-breakpoint
CREATE TABLE `prediction_feedback` (
	`prediction_id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`label` text NOT NULL,
	`key_id` text,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`prediction_id`) REFERENCES `prediction_log`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `prediction_feedback_endpoint_received_idx` ON `prediction_feedback` (`endpoint_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `prediction_log` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`version_id` text NOT NULL,
	`role` text NOT NULL,
	`shadow_of` text,
	`key_id` text,
	`created_at` integer NOT NULL,
	`latency_ms` real NOT NULL,
	`inputs` text NOT NULL,
	`outputs` text NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `prediction_log_endpoint_created_idx` ON `prediction_log` (`endpoint_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `prediction_log_version_created_idx` ON `prediction_log` (`version_id`,`created_at`);