CREATE TABLE `api_keys` (
	`id` char(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`prefix` varchar(16) NOT NULL,
	`key_hash` char(64) NOT NULL,
	`scopes` json NOT NULL,
	`created_by` char(36),
	`expires_at` datetime(3),
	`last_used_at` datetime(3),
	`revoked_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_keys_hash_uq` UNIQUE(`key_hash`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`actor_user_id` char(36),
	`actor_api_key_id` char(36),
	`action` varchar(64) NOT NULL,
	`target_type` varchar(32) NOT NULL,
	`target_id` varchar(64),
	`ip` varchar(45),
	`user_agent` varchar(512),
	`diff` json,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `contact_messages` (
	`id` char(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`email` varchar(254) NOT NULL,
	`subject` varchar(200) NOT NULL DEFAULT '',
	`message` text NOT NULL,
	`status` enum('unread','read','archived') NOT NULL DEFAULT 'unread',
	`ip` varchar(45),
	`user_agent` varchar(512),
	`read_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `contact_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `media` (
	`id` char(36) NOT NULL,
	`storage_key` varchar(512) NOT NULL,
	`filename` varchar(255) NOT NULL,
	`mime_type` varchar(127) NOT NULL,
	`size_bytes` bigint unsigned NOT NULL,
	`width` int,
	`height` int,
	`alt` varchar(500) NOT NULL DEFAULT '',
	`focal_x` tinyint,
	`focal_y` tinyint,
	`variants` json,
	`sha256` char(64) NOT NULL,
	`uploaded_by` char(36),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `media_id` PRIMARY KEY(`id`),
	CONSTRAINT `media_storage_key_uq` UNIQUE(`storage_key`)
);
--> statement-breakpoint
CREATE TABLE `outbox_events` (
	`id` char(36) NOT NULL,
	`type` varchar(64) NOT NULL,
	`aggregate_type` varchar(32) NOT NULL,
	`aggregate_id` char(36) NOT NULL,
	`payload` json NOT NULL,
	`dispatched_at` datetime(3),
	`attempts` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `outbox_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `paas_apps` (
	`id` char(36) NOT NULL,
	`slug` varchar(63) NOT NULL,
	`name` varchar(120) NOT NULL,
	`repo_url` varchar(2048) NOT NULL,
	`branch` varchar(255) NOT NULL DEFAULT 'main',
	`env` json NOT NULL,
	`status` enum('created','queued','cloning','detecting','building','starting','running','failed','stopped') NOT NULL DEFAULT 'created',
	`is_public` boolean NOT NULL DEFAULT false,
	`detected_type` varchar(32),
	`container_id` varchar(128),
	`image_id` varchar(128),
	`host_port` int,
	`url` varchar(2048),
	`last_error` varchar(1000),
	`created_by` char(36),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `paas_apps_id` PRIMARY KEY(`id`),
	CONSTRAINT `paas_apps_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `paas_deployments` (
	`id` char(36) NOT NULL,
	`app_id` char(36) NOT NULL,
	`status` enum('queued','cloning','detecting','building','starting','running','failed','stopped','superseded') NOT NULL DEFAULT 'queued',
	`commit_sha` char(40),
	`reason` varchar(1000),
	`log` mediumtext,
	`created_by` char(36),
	`started_at` datetime(3),
	`finished_at` datetime(3),
	`duration_ms` int,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `paas_deployments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `pages` (
	`id` char(36) NOT NULL,
	`slug` varchar(200) NOT NULL,
	`title` varchar(300) NOT NULL,
	`content` json NOT NULL,
	`html` mediumtext NOT NULL,
	`seo_title` varchar(300),
	`seo_description` varchar(500),
	`status` enum('draft','published') NOT NULL DEFAULT 'draft',
	`published_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pages_id` PRIMARY KEY(`id`),
	CONSTRAINT `pages_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `password_reset_tokens` (
	`id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `password_reset_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `password_reset_token_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `post_revisions` (
	`id` char(36) NOT NULL,
	`post_id` char(36) NOT NULL,
	`revision` int NOT NULL,
	`title` varchar(300) NOT NULL,
	`excerpt` varchar(1000) NOT NULL DEFAULT '',
	`content` json NOT NULL,
	`saved_by` char(36),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `post_revisions_id` PRIMARY KEY(`id`),
	CONSTRAINT `post_revisions_uq` UNIQUE(`post_id`,`revision`)
);
--> statement-breakpoint
CREATE TABLE `post_tags` (
	`post_id` char(36) NOT NULL,
	`tag_id` char(36) NOT NULL,
	`position` smallint NOT NULL DEFAULT 0,
	CONSTRAINT `post_tags_post_id_tag_id_pk` PRIMARY KEY(`post_id`,`tag_id`)
);
--> statement-breakpoint
CREATE TABLE `posts` (
	`id` char(36) NOT NULL,
	`slug` varchar(200) NOT NULL,
	`title` varchar(300) NOT NULL,
	`excerpt` varchar(1000) NOT NULL DEFAULT '',
	`content` json NOT NULL,
	`html` mediumtext NOT NULL,
	`plain_text` mediumtext NOT NULL,
	`reading_time_minutes` smallint NOT NULL DEFAULT 0,
	`toc` json NOT NULL,
	`cover_media_id` char(36),
	`author_id` char(36) NOT NULL,
	`seo_title` varchar(300),
	`seo_description` varchar(500),
	`canonical_url` varchar(2048),
	`og_image_media_id` char(36),
	`featured` boolean NOT NULL DEFAULT false,
	`status` enum('draft','scheduled','published','archived') NOT NULL DEFAULT 'draft',
	`published_at` datetime(3),
	`scheduled_at` datetime(3),
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `posts_id` PRIMARY KEY(`id`),
	CONSTRAINT `posts_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` char(36) NOT NULL,
	`slug` varchar(200) NOT NULL,
	`title` varchar(300) NOT NULL,
	`summary` varchar(1000) NOT NULL DEFAULT '',
	`body` json NOT NULL,
	`html` mediumtext NOT NULL,
	`tech_stack` json NOT NULL,
	`repo_url` varchar(2048),
	`live_url` varchar(2048),
	`image_ids` json NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`featured` boolean NOT NULL DEFAULT false,
	`status` enum('draft','published') NOT NULL DEFAULT 'draft',
	`paas_app_id` char(36),
	`published_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `projects_id` PRIMARY KEY(`id`),
	CONSTRAINT `projects_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`family_id` char(36) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`replaced_by_id` char(36),
	`used_at` datetime(3),
	`revoked_at` datetime(3),
	`revoked_reason` varchar(64),
	`expires_at` datetime(3) NOT NULL,
	`ip` varchar(45),
	`user_agent` varchar(512),
	`last_used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `sessions_token_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `site_builds` (
	`id` char(36) NOT NULL,
	`status` enum('queued','building','succeeded','failed','superseded') NOT NULL DEFAULT 'queued',
	`trigger` varchar(32) NOT NULL,
	`release` varchar(64),
	`pages_built` int,
	`duration_ms` int,
	`log` mediumtext,
	`error` varchar(1000),
	`started_at` datetime(3),
	`finished_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `site_builds_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `site_settings` (
	`key` varchar(64) NOT NULL,
	`value` json NOT NULL,
	`updated_by` char(36),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `site_settings_key` PRIMARY KEY(`key`)
);
--> statement-breakpoint
CREATE TABLE `skills` (
	`id` char(36) NOT NULL,
	`name` varchar(80) NOT NULL,
	`category` varchar(80) NOT NULL,
	`level` tinyint unsigned NOT NULL DEFAULT 50,
	`sort_order` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `skills_id` PRIMARY KEY(`id`),
	CONSTRAINT `skills_name_category_uq` UNIQUE(`category`,`name`)
);
--> statement-breakpoint
CREATE TABLE `slug_redirects` (
	`id` char(36) NOT NULL,
	`entity_type` varchar(32) NOT NULL,
	`entity_id` char(36) NOT NULL,
	`old_slug` varchar(200) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `slug_redirects_id` PRIMARY KEY(`id`),
	CONSTRAINT `slug_redirects_uq` UNIQUE(`entity_type`,`old_slug`)
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` char(36) NOT NULL,
	`name` varchar(80) NOT NULL,
	`slug` varchar(100) NOT NULL,
	`description` varchar(500) NOT NULL DEFAULT '',
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `tags_id` PRIMARY KEY(`id`),
	CONSTRAINT `tags_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` char(36) NOT NULL,
	`email` varchar(254) NOT NULL,
	`name` varchar(120) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`role` enum('admin','editor','author','viewer') NOT NULL DEFAULT 'viewer',
	`disabled_at` datetime(3),
	`totp_secret` varchar(255),
	`totp_enabled_at` datetime(3),
	`recovery_codes` json,
	`password_changed_at` datetime(3),
	`last_login_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` char(36) NOT NULL,
	`webhook_id` char(36) NOT NULL,
	`event_id` char(36) NOT NULL,
	`event_type` varchar(64) NOT NULL,
	`status` enum('pending','succeeded','failed') NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`response_status` smallint,
	`response_snippet` varchar(1000),
	`error` varchar(1000),
	`duration_ms` int,
	`next_attempt_at` datetime(3),
	`delivered_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `webhook_deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `webhook_deliveries_uq` UNIQUE(`webhook_id`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` char(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`url` varchar(2048) NOT NULL,
	`secret` varchar(128) NOT NULL,
	`events` json NOT NULL,
	`active` boolean NOT NULL DEFAULT true,
	`created_by` char(36),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `webhooks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `api_keys` ADD CONSTRAINT `api_keys_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `media` ADD CONSTRAINT `media_uploaded_by_users_id_fk` FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD CONSTRAINT `paas_apps_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD CONSTRAINT `paas_deployments_app_id_paas_apps_id_fk` FOREIGN KEY (`app_id`) REFERENCES `paas_apps`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD CONSTRAINT `paas_deployments_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `password_reset_tokens` ADD CONSTRAINT `password_reset_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `post_revisions` ADD CONSTRAINT `post_revisions_post_id_posts_id_fk` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `post_revisions` ADD CONSTRAINT `post_revisions_saved_by_users_id_fk` FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_post_id_posts_id_fk` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_tag_id_tags_id_fk` FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `posts` ADD CONSTRAINT `posts_cover_media_id_media_id_fk` FOREIGN KEY (`cover_media_id`) REFERENCES `media`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_users_id_fk` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `posts` ADD CONSTRAINT `posts_og_image_media_id_media_id_fk` FOREIGN KEY (`og_image_media_id`) REFERENCES `media`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sessions` ADD CONSTRAINT `sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `site_settings` ADD CONSTRAINT `site_settings_updated_by_users_id_fk` FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `webhook_deliveries_webhook_id_webhooks_id_fk` FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `webhooks` ADD CONSTRAINT `webhooks_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_user_id`);--> statement-breakpoint
CREATE INDEX `audit_target_idx` ON `audit_log` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `contact_status_idx` ON `contact_messages` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `media_created_idx` ON `media` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox_events` (`dispatched_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `paas_deployments_app_idx` ON `paas_deployments` (`app_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `post_tags_tag_idx` ON `post_tags` (`tag_id`);--> statement-breakpoint
CREATE INDEX `posts_status_published_idx` ON `posts` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`);--> statement-breakpoint
CREATE INDEX `posts_updated_idx` ON `posts` (`updated_at`);--> statement-breakpoint
CREATE INDEX `posts_scheduled_idx` ON `posts` (`status`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `projects_order_idx` ON `projects` (`status`,`sort_order`);--> statement-breakpoint
CREATE INDEX `sessions_family_idx` ON `sessions` (`family_id`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`,`revoked_at`);--> statement-breakpoint
CREATE INDEX `site_builds_created_idx` ON `site_builds` (`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_created_idx` ON `webhook_deliveries` (`webhook_id`,`created_at`);