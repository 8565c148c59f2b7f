ALTER TABLE `pipeline_versions` ADD `base_version` integer;--> statement-breakpoint
ALTER TABLE `pipeline_versions` ADD `merged_author_ids` text;