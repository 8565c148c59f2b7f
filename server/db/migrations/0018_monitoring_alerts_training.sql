CREATE TABLE `alert_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`name` text NOT NULL,
	`metric` text NOT NULL,
	`feature` text DEFAULT '' NOT NULL,
	`operator` text NOT NULL,
	`threshold` real NOT NULL,
	`for_windows` integer DEFAULT 1 NOT NULL,
	`severity` text DEFAULT 'warning' NOT NULL,
	`webhook_id` text,
	`enabled` integer DEFAULT true NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `alert_rules_endpoint_idx` ON `alert_rules` (`endpoint_id`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`state` text NOT NULL,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`value` real NOT NULL,
	`check_id` text,
	`opened_at` integer NOT NULL,
	`last_check_id` text,
	`acknowledged_by` text,
	`acknowledged_at` integer,
	`resolved_by` text,
	`resolved_at` integer,
	`resolution` text,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`check_id`) REFERENCES `monitor_checks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `alerts_endpoint_opened_idx` ON `alerts` (`endpoint_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `alerts_state_idx` ON `alerts` (`state`,`opened_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_rule_unresolved_unique` ON `alerts` (`rule_id`) WHERE state <> 'resolved';--> statement-breakpoint
CREATE TABLE `challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`run_id` text,
	`trigger_fire_id` text,
	`champion_version_id` text,
	`challenger_version_id` text,
	`holdout_artifact_id` text,
	`figures` text NOT NULL,
	`gates` text NOT NULL,
	`decision` text NOT NULL,
	`deploy_request_id` text,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`trigger_fire_id`) REFERENCES `trigger_fires`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`champion_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`challenger_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deploy_request_id`) REFERENCES `deploy_requests`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `challenges_endpoint_created_idx` ON `challenges` (`endpoint_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `monitor_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`version_id` text,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`window_from` integer,
	`window_to` integer,
	`rows` integer DEFAULT 0 NOT NULL,
	`labelled_rows` integer DEFAULT 0 NOT NULL,
	`detail` text NOT NULL,
	`error` text,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `monitor_checks_endpoint_started_idx` ON `monitor_checks` (`endpoint_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `monitor_figures` (
	`check_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`at` integer NOT NULL,
	`feature` text NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`check_id`, `feature`, `metric`),
	FOREIGN KEY (`check_id`) REFERENCES `monitor_checks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `monitor_figures_series_idx` ON `monitor_figures` (`endpoint_id`,`metric`,`feature`,`at`);--> statement-breakpoint
CREATE TABLE `monitor_settings` (
	`endpoint_id` text PRIMARY KEY NOT NULL,
	`window_kind` text DEFAULT 'predictions' NOT NULL,
	`window_size` integer DEFAULT 10000 NOT NULL,
	`check_interval_minutes` integer,
	`next_check_at` integer,
	`thresholds` text NOT NULL,
	`retrain_pipeline_id` text,
	`promotion_mode` text DEFAULT 'approval' NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`retrain_pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_created_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `training_triggers` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`endpoint_id` text,
	`kind` text NOT NULL,
	`cron` text,
	`dataset_id` text,
	`alert_rule_id` text,
	`enabled` integer DEFAULT true NOT NULL,
	`next_fire_at` integer,
	`last_fired_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`alert_rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_triggers_kind_next_idx` ON `training_triggers` (`kind`,`enabled`,`next_fire_at`);--> statement-breakpoint
CREATE INDEX `training_triggers_pipeline_idx` ON `training_triggers` (`pipeline_id`);--> statement-breakpoint
CREATE TABLE `trigger_fires` (
	`id` text PRIMARY KEY NOT NULL,
	`trigger_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`fired_at` integer NOT NULL,
	`run_id` text,
	`error` text,
	FOREIGN KEY (`trigger_id`) REFERENCES `training_triggers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trigger_fires_dedupe_unique` ON `trigger_fires` (`trigger_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `trigger_fires_fired_idx` ON `trigger_fires` (`fired_at`);--> statement-breakpoint
CREATE TABLE `webhook_allowlist` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`allow_private` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_allowlist_origin_unique_idx` ON `webhook_allowlist` (`origin`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`webhook_id` text NOT NULL,
	`alert_id` text,
	`at` integer NOT NULL,
	`status` integer,
	`error` text,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_idx` ON `webhook_deliveries` (`webhook_id`,`at`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `webhooks_project_idx` ON `webhooks` (`project_id`);