CREATE TABLE "alert_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"feature" text DEFAULT '' NOT NULL,
	"operator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"for_windows" bigint DEFAULT 1 NOT NULL,
	"severity" text DEFAULT 'warning' NOT NULL,
	"webhook_id" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"state" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"value" double precision NOT NULL,
	"check_id" text,
	"opened_at" bigint NOT NULL,
	"last_check_id" text,
	"acknowledged_by" text,
	"acknowledged_at" bigint,
	"resolved_by" text,
	"resolved_at" bigint,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "alias_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"alias" text NOT NULL,
	"version_id" text,
	"from_version_id" text,
	"state" text NOT NULL,
	"requested_by" text,
	"requested_at" bigint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"decision_comment" text
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "artifacts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"meta" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by_run_id" text,
	"released_at" bigint,
	"released_by" text,
	"quarantined_at" bigint,
	"quarantine_reason" text
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_kpi_settings" (
	"model_id" text PRIMARY KEY NOT NULL,
	"positive_label" text NOT NULL,
	"tp_value" double precision NOT NULL,
	"tp_weighted" boolean DEFAULT false NOT NULL,
	"fp_cost" double precision NOT NULL,
	"fp_weighted" boolean DEFAULT false NOT NULL,
	"fn_cost" double precision NOT NULL,
	"fn_weighted" boolean DEFAULT false NOT NULL,
	"value_column" text,
	"threshold" double precision DEFAULT 0.5 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"updated_by" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"run_id" text,
	"trigger_fire_id" text,
	"champion_version_id" text,
	"challenger_version_id" text,
	"holdout_artifact_id" text,
	"figures" jsonb NOT NULL,
	"gates" jsonb NOT NULL,
	"decision" text NOT NULL,
	"deploy_request_id" text,
	"created_at" bigint NOT NULL,
	"decided_at" bigint
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"version" bigint NOT NULL,
	"artifact_id" text NOT NULL,
	"rows" bigint NOT NULL,
	"columns" jsonb NOT NULL,
	"format" text NOT NULL,
	"source_filename" text NOT NULL,
	"source_size" bigint NOT NULL,
	"options" jsonb NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deploy_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"version_id" text NOT NULL,
	"mode" text NOT NULL,
	"traffic_percent" bigint DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"gates" jsonb NOT NULL,
	"run_id" text,
	"step_id" text,
	"requested_by" text,
	"requested_at" bigint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"decision_comment" text
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"version_id" text NOT NULL,
	"role" text NOT NULL,
	"traffic_percent" bigint NOT NULL,
	"reason" text NOT NULL,
	"run_id" text,
	"step_id" text,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"retired_at" bigint,
	"retired_by" text
);
--> statement-breakpoint
CREATE TABLE "endpoint_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"rate_limit_per_minute" bigint,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"revoked_at" bigint,
	"revoked_by" text
);
--> statement-breakpoint
CREATE TABLE "endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"model_id" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"log_sample_rate" double precision DEFAULT 1 NOT NULL,
	"max_body_bytes" bigint DEFAULT 1048576 NOT NULL,
	"rate_limit_per_minute" bigint DEFAULT 6000 NOT NULL,
	"unseen_categories" text DEFAULT 'refuse' NOT NULL,
	"revision" bigint DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"undeployed_at" bigint,
	"undeployed_by" text
);
--> statement-breakpoint
CREATE TABLE "instance_settings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"upgrades_cache_compatible" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_counted_labels" (
	"prediction_id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"version_id" text NOT NULL,
	"day" bigint NOT NULL,
	"bin" bigint,
	"value" double precision,
	"positive" boolean
);
--> statement-breakpoint
CREATE TABLE "kpi_daily" (
	"endpoint_id" text NOT NULL,
	"version_id" text NOT NULL,
	"day" bigint NOT NULL,
	"predictions" bigint DEFAULT 0 NOT NULL,
	"latency_hist" jsonb NOT NULL,
	"labelled" bigint DEFAULT 0 NOT NULL,
	"unusable" bigint DEFAULT 0 NOT NULL,
	"pos_hist" jsonb NOT NULL,
	"neg_hist" jsonb NOT NULL,
	"pos_value" jsonb NOT NULL,
	"neg_value" jsonb NOT NULL,
	CONSTRAINT "kpi_daily_endpoint_id_version_id_day_pk" PRIMARY KEY("endpoint_id","version_id","day")
);
--> statement-breakpoint
CREATE TABLE "kpi_watermarks" (
	"stream" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"tie_break" text DEFAULT '' NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"model_id" text NOT NULL,
	"alias" text NOT NULL,
	"version_id" text NOT NULL,
	"set_by" text,
	"set_at" bigint NOT NULL,
	CONSTRAINT "model_aliases_model_id_alias_pk" PRIMARY KEY("model_id","alias")
);
--> statement-breakpoint
CREATE TABLE "model_version_metrics" (
	"version_id" text NOT NULL,
	"name" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "model_version_metrics_version_id_name_pk" PRIMARY KEY("version_id","name")
);
--> statement-breakpoint
CREATE TABLE "model_version_params" (
	"version_id" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "model_version_params_version_id_key_pk" PRIMARY KEY("version_id","key")
);
--> statement-breakpoint
CREATE TABLE "model_version_references" (
	"version_id" text PRIMARY KEY NOT NULL,
	"data_artifact_id" text NOT NULL,
	"profile" jsonb NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"version" bigint NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"artifact_id" text NOT NULL,
	"signature" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"run_id" text,
	"step_id" text,
	"pipeline_id" text,
	"pipeline_version_id" text,
	"lineage" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"deleted_at" bigint,
	"deleted_by" text
);
--> statement-breakpoint
CREATE TABLE "monitor_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"version_id" text,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"window_from" bigint,
	"window_to" bigint,
	"rows" bigint DEFAULT 0 NOT NULL,
	"labelled_rows" bigint DEFAULT 0 NOT NULL,
	"detail" jsonb NOT NULL,
	"error" text,
	"started_at" bigint NOT NULL,
	"finished_at" bigint NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "monitor_figures" (
	"check_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"at" bigint NOT NULL,
	"feature" text NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	CONSTRAINT "monitor_figures_check_id_feature_metric_pk" PRIMARY KEY("check_id","feature","metric")
);
--> statement-breakpoint
CREATE TABLE "monitor_settings" (
	"endpoint_id" text PRIMARY KEY NOT NULL,
	"window_kind" text DEFAULT 'predictions' NOT NULL,
	"window_size" bigint DEFAULT 10000 NOT NULL,
	"check_interval_minutes" bigint,
	"next_check_at" bigint,
	"thresholds" jsonb NOT NULL,
	"retrain_pipeline_id" text,
	"promotion_mode" text DEFAULT 'approval' NOT NULL,
	"updated_by" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" bigint NOT NULL,
	"read_at" bigint
);
--> statement-breakpoint
CREATE TABLE "pipeline_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"pipeline_id" text NOT NULL,
	"version" bigint NOT NULL,
	"doc" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"author_id" text,
	"author_system" text,
	"message" text,
	"base_version" bigint,
	"merged_author_ids" jsonb,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"current_version" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prediction_feedback" (
	"prediction_id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"label" jsonb NOT NULL,
	"key_id" text,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prediction_log" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"version_id" text NOT NULL,
	"role" text NOT NULL,
	"shadow_of" text,
	"key_id" text,
	"created_at" bigint NOT NULL,
	"latency_ms" double precision NOT NULL,
	"inputs" jsonb NOT NULL,
	"outputs" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"archived_at" bigint,
	"cache_policy" text DEFAULT 'verified' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_workers" (
	"id" text PRIMARY KEY NOT NULL,
	"token_id" text NOT NULL,
	"hostname" text NOT NULL,
	"capabilities" jsonb NOT NULL,
	"concurrency" bigint NOT NULL,
	"active" bigint NOT NULL,
	"load_average" double precision NOT NULL,
	"started_at" bigint NOT NULL,
	"last_heartbeat_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registered_models" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"last_version" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_settings" (
	"project_id" text PRIMARY KEY NOT NULL,
	"production_approval" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_datasets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"node_type" text NOT NULL,
	"source_key" text NOT NULL,
	"dataset_version_id" text
);
--> statement-breakpoint
CREATE TABLE "run_metrics" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"step_id" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "run_metrics_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
CREATE TABLE "run_params" (
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"step_id" text NOT NULL,
	"value" text NOT NULL,
	"num" double precision,
	CONSTRAINT "run_params_run_id_key_pk" PRIMARY KEY("run_id","key")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"pipeline_id" text NOT NULL,
	"pipeline_version_id" text,
	"status" text NOT NULL,
	"plan" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"target_step" text,
	"created_by" text,
	"owner" text,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"finished_at" bigint,
	"error_code" text,
	"error_message" text,
	"parent_run_id" text,
	"parent_step_id" text,
	"name" text,
	"reproduces_run_id" text,
	"use_cache" boolean DEFAULT true NOT NULL,
	"records_indexed" boolean DEFAULT false NOT NULL,
	"trust_flag" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"at" bigint NOT NULL,
	"level" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"node_type" text NOT NULL,
	"node_version" bigint NOT NULL,
	"label" text,
	"status" text NOT NULL,
	"cache_key" text,
	"cached_from_run_id" text,
	"runner" text,
	"backend" text,
	"backend_note" text,
	"progress" double precision,
	"progress_message" text,
	"progress_series" jsonb,
	"started_at" bigint,
	"finished_at" bigint,
	"peak_memory_bytes" bigint,
	"outputs" jsonb,
	"error_code" text,
	"error_message" text,
	"params" jsonb,
	"code_hash" text,
	"implementation_hash" text,
	"pipeworks_version" text,
	"key_changes" jsonb,
	"ran_by" text,
	"trust" text
);
--> statement-breakpoint
CREATE TABLE "training_triggers" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"pipeline_id" text NOT NULL,
	"endpoint_id" text,
	"kind" text NOT NULL,
	"cron" text,
	"dataset_id" text,
	"alert_rule_id" text,
	"traffic_dataset" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_fire_at" bigint,
	"last_fired_at" bigint,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trigger_fires" (
	"id" text PRIMARY KEY NOT NULL,
	"trigger_id" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"fired_at" bigint NOT NULL,
	"run_id" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"disabled_at" bigint
);
--> statement-breakpoint
CREATE TABLE "webhook_allowlist" (
	"id" text PRIMARY KEY NOT NULL,
	"origin" text NOT NULL,
	"allow_private" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"webhook_id" text NOT NULL,
	"alert_id" text,
	"event" text DEFAULT '' NOT NULL,
	"payload" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'delivered' NOT NULL,
	"attempts" bigint DEFAULT 1 NOT NULL,
	"max_attempts" bigint DEFAULT 1 NOT NULL,
	"next_attempt_at" bigint,
	"created_at" bigint DEFAULT 0 NOT NULL,
	"at" bigint NOT NULL,
	"status" bigint,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"revoked_at" bigint,
	"revoked_by" text
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_check_id_monitor_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitor_checks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_requests" ADD CONSTRAINT "alias_requests_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_requests" ADD CONSTRAINT "alias_requests_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_requests" ADD CONSTRAINT "alias_requests_from_version_id_model_versions_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_requests" ADD CONSTRAINT "alias_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_requests" ADD CONSTRAINT "alias_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_created_by_run_id_runs_id_fk" FOREIGN KEY ("created_by_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_kpi_settings" ADD CONSTRAINT "business_kpi_settings_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_kpi_settings" ADD CONSTRAINT "business_kpi_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_trigger_fire_id_trigger_fires_id_fk" FOREIGN KEY ("trigger_fire_id") REFERENCES "public"."trigger_fires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_champion_version_id_model_versions_id_fk" FOREIGN KEY ("champion_version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_challenger_version_id_model_versions_id_fk" FOREIGN KEY ("challenger_version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_deploy_request_id_deploy_requests_id_fk" FOREIGN KEY ("deploy_request_id") REFERENCES "public"."deploy_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deploy_requests" ADD CONSTRAINT "deploy_requests_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deploy_requests" ADD CONSTRAINT "deploy_requests_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deploy_requests" ADD CONSTRAINT "deploy_requests_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deploy_requests" ADD CONSTRAINT "deploy_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deploy_requests" ADD CONSTRAINT "deploy_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_keys" ADD CONSTRAINT "endpoint_keys_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_keys" ADD CONSTRAINT "endpoint_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_keys" ADD CONSTRAINT "endpoint_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_undeployed_by_users_id_fk" FOREIGN KEY ("undeployed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_settings" ADD CONSTRAINT "instance_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_metrics" ADD CONSTRAINT "model_version_metrics_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_params" ADD CONSTRAINT "model_version_params_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_references" ADD CONSTRAINT "model_version_references_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_pipeline_version_id_pipeline_versions_id_fk" FOREIGN KEY ("pipeline_version_id") REFERENCES "public"."pipeline_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_figures" ADD CONSTRAINT "monitor_figures_check_id_monitor_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitor_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_settings" ADD CONSTRAINT "monitor_settings_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_settings" ADD CONSTRAINT "monitor_settings_retrain_pipeline_id_pipelines_id_fk" FOREIGN KEY ("retrain_pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_settings" ADD CONSTRAINT "monitor_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_versions" ADD CONSTRAINT "pipeline_versions_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_versions" ADD CONSTRAINT "pipeline_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_feedback" ADD CONSTRAINT "prediction_feedback_prediction_id_prediction_log_id_fk" FOREIGN KEY ("prediction_id") REFERENCES "public"."prediction_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_feedback" ADD CONSTRAINT "prediction_feedback_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_log" ADD CONSTRAINT "prediction_log_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_workers" ADD CONSTRAINT "queue_workers_token_id_worker_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."worker_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_models" ADD CONSTRAINT "registered_models_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_models" ADD CONSTRAINT "registered_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_settings" ADD CONSTRAINT "registry_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_settings" ADD CONSTRAINT "registry_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_datasets" ADD CONSTRAINT "run_datasets_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_datasets" ADD CONSTRAINT "run_datasets_dataset_version_id_dataset_versions_id_fk" FOREIGN KEY ("dataset_version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_metrics" ADD CONSTRAINT "run_metrics_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_params" ADD CONSTRAINT "run_params_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_pipeline_version_id_pipeline_versions_id_fk" FOREIGN KEY ("pipeline_version_id") REFERENCES "public"."pipeline_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_parent_run_id_runs_id_fk" FOREIGN KEY ("parent_run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_reproduces_run_id_runs_id_fk" FOREIGN KEY ("reproduces_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_logs" ADD CONSTRAINT "step_logs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_runs" ADD CONSTRAINT "step_runs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_runs" ADD CONSTRAINT "step_runs_cached_from_run_id_runs_id_fk" FOREIGN KEY ("cached_from_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_alert_rule_id_alert_rules_id_fk" FOREIGN KEY ("alert_rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_fires" ADD CONSTRAINT "trigger_fires_trigger_id_training_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."training_triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_fires" ADD CONSTRAINT "trigger_fires_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_allowlist" ADD CONSTRAINT "webhook_allowlist_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_tokens" ADD CONSTRAINT "worker_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_rules_endpoint_idx" ON "alert_rules" USING btree ("endpoint_id");--> statement-breakpoint
CREATE INDEX "alerts_endpoint_opened_idx" ON "alerts" USING btree ("endpoint_id","opened_at");--> statement-breakpoint
CREATE INDEX "alerts_state_idx" ON "alerts" USING btree ("state","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_rule_unresolved_unique" ON "alerts" USING btree ("rule_id") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "alias_requests_state_idx" ON "alias_requests" USING btree ("state","requested_at");--> statement-breakpoint
CREATE INDEX "alias_requests_model_id_idx" ON "alias_requests" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_unique" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_user_id_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id","id");--> statement-breakpoint
CREATE INDEX "challenges_endpoint_created_idx" ON "challenges" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_versions_dataset_version_unique" ON "dataset_versions" USING btree ("dataset_id","version");--> statement-breakpoint
CREATE INDEX "dataset_versions_artifact_id_idx" ON "dataset_versions" USING btree ("artifact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_name_unique" ON "datasets" USING btree ("name");--> statement-breakpoint
CREATE INDEX "deploy_requests_endpoint_state_idx" ON "deploy_requests" USING btree ("endpoint_id","state");--> statement-breakpoint
CREATE INDEX "deployments_endpoint_live_idx" ON "deployments" USING btree ("endpoint_id","retired_at");--> statement-breakpoint
CREATE INDEX "deployments_version_id_idx" ON "deployments" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "endpoint_keys_key_hash_unique" ON "endpoint_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "endpoint_keys_endpoint_id_idx" ON "endpoint_keys" USING btree ("endpoint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "endpoints_name_unique" ON "endpoints" USING btree ("name");--> statement-breakpoint
CREATE INDEX "endpoints_project_id_idx" ON "endpoints" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "endpoints_revision_idx" ON "endpoints" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "kpi_daily_day_idx" ON "kpi_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "model_aliases_version_id_idx" ON "model_aliases" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "model_version_metrics_name_value_idx" ON "model_version_metrics" USING btree ("name","value");--> statement-breakpoint
CREATE INDEX "model_version_params_key_value_idx" ON "model_version_params" USING btree ("key","value","version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_model_version_unique" ON "model_versions" USING btree ("model_id","version");--> statement-breakpoint
CREATE INDEX "model_versions_run_id_idx" ON "model_versions" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "model_versions_artifact_id_idx" ON "model_versions" USING btree ("artifact_id");--> statement-breakpoint
CREATE INDEX "model_versions_created_idx" ON "model_versions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "monitor_checks_endpoint_started_idx" ON "monitor_checks" USING btree ("endpoint_id","started_at");--> statement-breakpoint
CREATE INDEX "monitor_figures_series_idx" ON "monitor_figures" USING btree ("endpoint_id","metric","feature","at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_versions_pipeline_version_unique" ON "pipeline_versions" USING btree ("pipeline_id","version");--> statement-breakpoint
CREATE INDEX "pipelines_project_id_idx" ON "pipelines" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "prediction_feedback_endpoint_received_idx" ON "prediction_feedback" USING btree ("endpoint_id","received_at");--> statement-breakpoint
CREATE INDEX "prediction_feedback_received_idx" ON "prediction_feedback" USING btree ("received_at","prediction_id");--> statement-breakpoint
CREATE INDEX "prediction_log_endpoint_created_idx" ON "prediction_log" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "prediction_log_version_created_idx" ON "prediction_log" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "queue_workers_heartbeat_idx" ON "queue_workers" USING btree ("last_heartbeat_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registered_models_project_name_unique" ON "registered_models" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "registered_models_updated_idx" ON "registered_models" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "run_datasets_run_step_unique" ON "run_datasets" USING btree ("run_id","step_id");--> statement-breakpoint
CREATE INDEX "run_datasets_dataset_version_idx" ON "run_datasets" USING btree ("dataset_version_id");--> statement-breakpoint
CREATE INDEX "run_datasets_source_key_idx" ON "run_datasets" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "run_metrics_key_value_idx" ON "run_metrics" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "run_params_key_value_idx" ON "run_params" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "run_params_key_num_idx" ON "run_params" USING btree ("key","num");--> statement-breakpoint
CREATE INDEX "runs_status_idx" ON "runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "runs_pipeline_id_idx" ON "runs" USING btree ("pipeline_id");--> statement-breakpoint
CREATE INDEX "runs_pipeline_scope_idx" ON "runs" USING btree ("pipeline_id","parent_run_id","created_at");--> statement-breakpoint
CREATE INDEX "runs_parent_run_id_idx" ON "runs" USING btree ("parent_run_id");--> statement-breakpoint
CREATE INDEX "runs_scope_idx" ON "runs" USING btree ("id","pipeline_id","parent_run_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_failures_key_at_idx" ON "sign_in_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "step_logs_run_id_idx" ON "step_logs" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "step_runs_run_step_unique" ON "step_runs" USING btree ("run_id","step_id");--> statement-breakpoint
CREATE INDEX "step_runs_cache_key_status_idx" ON "step_runs" USING btree ("cache_key","status");--> statement-breakpoint
CREATE INDEX "training_triggers_kind_next_idx" ON "training_triggers" USING btree ("kind","enabled","next_fire_at");--> statement-breakpoint
CREATE INDEX "training_triggers_pipeline_idx" ON "training_triggers" USING btree ("pipeline_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trigger_fires_dedupe_unique" ON "trigger_fires" USING btree ("trigger_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "trigger_fires_fired_idx" ON "trigger_fires" USING btree ("fired_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_allowlist_origin_unique_idx" ON "webhook_allowlist" USING btree ("origin");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhooks_project_idx" ON "webhooks" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_tokens_token_hash_unique" ON "worker_tokens" USING btree ("token_hash");