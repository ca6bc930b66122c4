CREATE TABLE `email_log` (
	`key` varchar(191) NOT NULL,
	`to` varchar(254) NOT NULL,
	`subject` varchar(300) NOT NULL,
	`message_id` varchar(255),
	`sent_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `email_log_key` PRIMARY KEY(`key`)
);
--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` char(36) NOT NULL,
	`delivery_id` char(36) NOT NULL,
	`attempt` int NOT NULL,
	`response_status` smallint,
	`response_snippet` varchar(1000),
	`error` varchar(1000),
	`duration_ms` int NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `webhook_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `webhook_deliveries` MODIFY COLUMN `status` enum('pending','succeeded','dead') NOT NULL DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE `contact_messages` ADD `updated_at` datetime(3) DEFAULT CURRENT_TIMESTAMP(3) NOT NULL;--> statement-breakpoint
ALTER TABLE `media` ADD `status` enum('processing','ready','failed') DEFAULT 'processing' NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_attempts` ADD CONSTRAINT `webhook_attempts_delivery_id_webhook_deliveries_id_fk` FOREIGN KEY (`delivery_id`) REFERENCES `webhook_deliveries`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery_idx` ON `webhook_attempts` (`delivery_id`,`attempt`);