CREATE TABLE `business_kpi_settings` (
	`model_id` text PRIMARY KEY NOT NULL,
	`positive_label` text NOT NULL,
	`tp_value` real NOT NULL,
	`tp_weighted` integer DEFAULT false NOT NULL,
	`fp_cost` real NOT NULL,
	`fp_weighted` integer DEFAULT false NOT NULL,
	`fn_cost` real NOT NULL,
	`fn_weighted` integer DEFAULT false NOT NULL,
	`value_column` text,
	`threshold` real DEFAULT 0.5 NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `registered_models`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `kpi_counted_labels` (
	`prediction_id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`version_id` text NOT NULL,
	`day` integer NOT NULL,
	`bin` integer,
	`value` real,
	`positive` integer
);
--> statement-breakpoint
CREATE TABLE `kpi_daily` (
	`endpoint_id` text NOT NULL,
	`version_id` text NOT NULL,
	`day` integer NOT NULL,
	`predictions` integer DEFAULT 0 NOT NULL,
	`latency_hist` text NOT NULL,
	`labelled` integer DEFAULT 0 NOT NULL,
	`unusable` integer DEFAULT 0 NOT NULL,
	`pos_hist` text NOT NULL,
	`neg_hist` text NOT NULL,
	`pos_value` text NOT NULL,
	`neg_value` text NOT NULL,
	PRIMARY KEY(`endpoint_id`, `version_id`, `day`),
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kpi_daily_day_idx` ON `kpi_daily` (`day`);--> statement-breakpoint
CREATE TABLE `kpi_watermarks` (
	`stream` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`tie_break` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `prediction_feedback_received_idx` ON `prediction_feedback` (`received_at`,`prediction_id`);