CREATE TABLE `model_version_references` (
	`version_id` text PRIMARY KEY NOT NULL,
	`data_artifact_id` text NOT NULL,
	`profile` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
