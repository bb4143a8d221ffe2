CREATE TABLE `instance_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_addresses` (
	`email` text NOT NULL,
	`address` text NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`email`, `address`)
);
--> statement-breakpoint
ALTER TABLE `sign_in_failures` ADD `last_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `is_demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The seeded demo accounts share a public password. Mark them, and call the instance a demo
-- only when they are all it has: on an instance with real accounts they lose admin rights.
UPDATE `users` SET `is_demo` = 1 WHERE `email` IN ('admin@demo.test', 'lead@demo.test', 'coder1@demo.test', 'coder2@demo.test', 'coder3@demo.test');--> statement-breakpoint
INSERT INTO `instance_settings` (`key`, `value`) SELECT 'demo', '1' WHERE EXISTS (SELECT 1 FROM `users` WHERE `is_demo` = 1) AND NOT EXISTS (SELECT 1 FROM `users` WHERE `is_demo` = 0);
