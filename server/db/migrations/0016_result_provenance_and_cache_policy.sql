ALTER TABLE `artifacts` ADD `quarantined_at` integer;--> statement-breakpoint
ALTER TABLE `artifacts` ADD `quarantine_reason` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `cache_policy` text DEFAULT 'verified' NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `trust_flag` text;--> statement-breakpoint
ALTER TABLE `step_runs` ADD `ran_by` text;--> statement-breakpoint
ALTER TABLE `step_runs` ADD `trust` text;--> statement-breakpoint
-- Results from before provenance: whatever a browser reported was never checked, so it is unverified.
UPDATE `step_runs` SET `trust` = CASE WHEN `runner` LIKE 'browser%' THEN 'unverified' ELSE 'server' END,
  `ran_by` = (SELECT `created_by` FROM `runs` WHERE `runs`.`id` = `step_runs`.`run_id`)
  WHERE `status` = 'succeeded';--> statement-breakpoint
UPDATE `step_runs` SET
  `trust` = (SELECT `p`.`trust` FROM `step_runs` `p` WHERE `p`.`run_id` = `step_runs`.`cached_from_run_id` AND `p`.`cache_key` = `step_runs`.`cache_key` AND `p`.`status` = 'succeeded'),
  `ran_by` = (SELECT `p`.`ran_by` FROM `step_runs` `p` WHERE `p`.`run_id` = `step_runs`.`cached_from_run_id` AND `p`.`cache_key` = `step_runs`.`cache_key` AND `p`.`status` = 'succeeded')
  WHERE `status` = 'cached';
