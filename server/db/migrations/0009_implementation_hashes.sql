ALTER TABLE `step_runs` ADD `implementation_hash` text;--> statement-breakpoint
ALTER TABLE `step_runs` ADD `pipeworks_version` text;--> statement-breakpoint
ALTER TABLE `step_runs` ADD `key_changes` text;