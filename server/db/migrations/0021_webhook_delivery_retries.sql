ALTER TABLE `webhook_deliveries` ADD `event` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `payload` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `state` text DEFAULT 'delivered' NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `max_attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `created_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`state`,`next_attempt_at`);--> statement-breakpoint
-- Deliveries from before retries were one attempt each: an error means it failed, and it was made when it was tried.
-- Only opened alerts were posted then; a delivery without an alert was a ping, or its alert was deleted since, so its event stays unknown ('').
UPDATE `webhook_deliveries` SET `state` = CASE WHEN `error` IS NULL THEN 'delivered' ELSE 'failed' END, `created_at` = `at`, `event` = CASE WHEN `alert_id` IS NULL THEN '' ELSE 'alert.opened' END;
