ALTER TABLE `paas_apps` ADD `container_port` int;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `active_deployment_id` char(36);--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `hook_secret` varchar(255);--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `trigger` varchar(16) DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `branch` varchar(255);--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `detected_type` varchar(32);--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `dockerfile` text;--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `image_id` varchar(128);--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `container_id` varchar(128);--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `host_port` int;--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `container_port` int;--> statement-breakpoint
ALTER TABLE `paas_deployments` ADD `updated_at` datetime(3) DEFAULT CURRENT_TIMESTAMP(3) NOT NULL;--> statement-breakpoint
CREATE INDEX `paas_deployments_status_idx` ON `paas_deployments` (`status`);