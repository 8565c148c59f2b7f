CREATE TABLE `instance_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`upgrades_cache_compatible` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
