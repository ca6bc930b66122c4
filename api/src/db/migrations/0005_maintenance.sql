CREATE TABLE `maintenance_runs` (
	`job` varchar(64) NOT NULL,
	`outcome` enum('running','succeeded','failed') NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	`duration_ms` int,
	`result` json,
	`error` varchar(1000),
	`last_success_at` datetime(3),
	`runs` int NOT NULL DEFAULT 0,
	`consecutive_failures` int NOT NULL DEFAULT 0,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `maintenance_runs_job` PRIMARY KEY(`job`)
);
