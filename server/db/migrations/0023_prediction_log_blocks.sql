CREATE TABLE `prediction_log_blocks` (
	`id` integer PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`version_id` text NOT NULL,
	`first_created_at` integer NOT NULL,
	`last_created_at` integer NOT NULL,
	`rows` integer NOT NULL,
	`live` integer NOT NULL,
	`stale` integer DEFAULT false NOT NULL,
	`data` blob NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `prediction_log_blocks_window_idx` ON `prediction_log_blocks` (`endpoint_id`,`version_id`,`last_created_at`);--> statement-breakpoint
ALTER TABLE `prediction_log` ADD `block_id` integer;--> statement-breakpoint
CREATE INDEX `prediction_log_block_idx` ON `prediction_log` (`block_id`) WHERE block_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `prediction_log_loose_idx` ON `prediction_log` (`endpoint_id`,`created_at`) WHERE block_id IS NULL;--> statement-breakpoint
-- A block stays exact only while all of its rows are in prediction_log unchanged: a delete counts
-- its row out of the block (and removes the block with its last row), and a delete or a change of
-- a logged column marks it stale, so drift checks read its remaining rows one by one instead.
CREATE TRIGGER `prediction_log_block_delete` AFTER DELETE ON `prediction_log` WHEN old.block_id IS NOT NULL BEGIN
	UPDATE `prediction_log_blocks` SET `live` = `live` - 1, `stale` = 1 WHERE `id` = old.block_id;
	DELETE FROM `prediction_log_blocks` WHERE `id` = old.block_id AND `live` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `prediction_log_block_update` AFTER UPDATE OF `endpoint_id`, `version_id`, `created_at`, `latency_ms`, `inputs`, `outputs`, `block_id` ON `prediction_log` WHEN old.block_id IS NOT NULL OR new.block_id IS NOT NULL BEGIN
	UPDATE `prediction_log_blocks` SET `stale` = 1 WHERE `id` IN (old.block_id, new.block_id);
END;
