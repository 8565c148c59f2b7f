CREATE TABLE `queue_workers` (
	`id` text PRIMARY KEY NOT NULL,
	`token_id` text NOT NULL,
	`hostname` text NOT NULL,
	`capabilities` text NOT NULL,
	`concurrency` integer NOT NULL,
	`active` integer NOT NULL,
	`load_average` real NOT NULL,
	`started_at` integer NOT NULL,
	`last_heartbeat_at` integer NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `worker_tokens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `queue_workers_heartbeat_idx` ON `queue_workers` (`last_heartbeat_at`);--> statement-breakpoint
CREATE TABLE `worker_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worker_tokens_token_hash_unique` ON `worker_tokens` (`token_hash`);