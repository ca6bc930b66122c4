ALTER TABLE `api_keys` ADD `rate_limit_per_minute` int;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` bigint;