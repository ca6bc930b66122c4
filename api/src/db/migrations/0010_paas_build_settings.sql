ALTER TABLE `paas_apps` ADD `root_dir` varchar(255);--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `build_command` json;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `start_command` json;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `output_dir` varchar(255);--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `listen_port` int;--> statement-breakpoint
ALTER TABLE `paas_apps` ADD `health_check_path` varchar(255);