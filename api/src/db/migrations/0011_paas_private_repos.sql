ALTER TABLE `paas_apps` ADD `git_token` text;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `git_username` varchar(64);--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `deploy_key` text;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `deploy_key_public` varchar(255);--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `ssh_known_host` text;