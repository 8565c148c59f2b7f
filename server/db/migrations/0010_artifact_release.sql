ALTER TABLE `artifacts` ADD `released_at` integer;--> statement-breakpoint
ALTER TABLE `artifacts` ADD `released_by` text;