CREATE TABLE `item_set_members` (
	`set_id` integer NOT NULL,
	`code_id` integer,
	`document_id` integer,
	`participant_id` integer,
	FOREIGN KEY (`set_id`) REFERENCES `item_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_set_members_code` ON `item_set_members` (`set_id`,`code_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `item_set_members_document` ON `item_set_members` (`set_id`,`document_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `item_set_members_participant` ON `item_set_members` (`set_id`,`participant_id`);--> statement-breakpoint
CREATE TABLE `item_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_sets_name` ON `item_sets` (`project_id`,`kind`,`name`);