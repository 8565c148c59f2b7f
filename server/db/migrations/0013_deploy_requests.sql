CREATE TABLE `deploy_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`version_id` text NOT NULL,
	`mode` text NOT NULL,
	`traffic_percent` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL,
	`gates` text NOT NULL,
	`run_id` text,
	`step_id` text,
	`requested_by` text,
	`requested_at` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_comment` text,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deploy_requests_endpoint_state_idx` ON `deploy_requests` (`endpoint_id`,`state`);