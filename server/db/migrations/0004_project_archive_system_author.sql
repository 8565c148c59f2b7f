ALTER TABLE `pipeline_versions` ADD `author_system` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `archived_at` integer;--> statement-breakpoint
-- Backfill: versions saved before this column existed by the sample seed or `pipeworks run`.
UPDATE `pipeline_versions` SET `author_system` = 'seed' WHERE `author_id` IS NULL AND `message` = 'Sample pipeline';--> statement-breakpoint
UPDATE `pipeline_versions` SET `author_system` = 'cli' WHERE `author_id` IS NULL AND `message` = 'pipeworks run';
