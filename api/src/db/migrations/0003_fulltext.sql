-- Full-text search over published content (drizzle-kit cannot declare FULLTEXT indexes).
-- InnoDB's default parser splits on spaces and punctuation, so Turkish words index as whole words.
CREATE FULLTEXT INDEX `posts_fulltext` ON `posts` (`title`, `excerpt`, `plain_text`);--> statement-breakpoint
CREATE FULLTEXT INDEX `projects_fulltext` ON `projects` (`title`, `summary`);
