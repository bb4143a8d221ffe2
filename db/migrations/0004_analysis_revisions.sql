CREATE TABLE `analysis_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`coding_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `analysis_revisions` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`structure` integer DEFAULT 0 NOT NULL,
	`attributes` integer DEFAULT 0 NOT NULL,
	`codebook` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `codings_document_layer`;--> statement-breakpoint
CREATE INDEX `codings_document_layer` ON `codings` (`document_id`,`layer`,`coder_id`,`id`,`code_id`,`start`,`end`);--> statement-breakpoint
CREATE INDEX `turns_layout` ON `turns` (`document_id`,`seq`,`start`,`end`,`participant_id`,`word_count`);
--> statement-breakpoint
-- Analysis caches compare these counters (and read analysis_changes) to know what changed;
-- the triggers keep them for every writer, the app's and any script's alike.
CREATE TRIGGER `analysis_documents_insert` AFTER INSERT ON `documents` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_documents_update` AFTER UPDATE ON `documents` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) SELECT old.`project_id`, 1 WHERE old.`project_id` <> new.`project_id` ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_documents_delete` AFTER DELETE ON `documents` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) VALUES (old.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_participants_insert` AFTER INSERT ON `participants` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_participants_update` AFTER UPDATE ON `participants` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) SELECT old.`project_id`, 1 WHERE old.`project_id` <> new.`project_id` ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_participants_delete` AFTER DELETE ON `participants` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) VALUES (old.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attribute_definitions_insert` AFTER INSERT ON `attribute_definitions` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attribute_definitions_update` AFTER UPDATE ON `attribute_definitions` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT old.`project_id`, 1 WHERE old.`project_id` <> new.`project_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_attribute_definitions_delete` AFTER DELETE ON `attribute_definitions` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) VALUES (old.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_codes_insert` AFTER INSERT ON `codes` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `codebook`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `codebook` = `codebook` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_codes_update` AFTER UPDATE ON `codes` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `codebook`) VALUES (new.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `codebook` = `codebook` + 1;
  INSERT INTO `analysis_revisions` (`project_id`, `codebook`) SELECT old.`project_id`, 1 WHERE old.`project_id` <> new.`project_id` ON CONFLICT (`project_id`) DO UPDATE SET `codebook` = `codebook` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_codes_delete` AFTER DELETE ON `codes` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `codebook`) VALUES (old.`project_id`, 1) ON CONFLICT (`project_id`) DO UPDATE SET `codebook` = `codebook` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_turns_insert` AFTER INSERT ON `turns` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) SELECT `project_id`, 1 FROM `documents` WHERE `id` = new.`document_id` ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_turns_update` AFTER UPDATE ON `turns` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) SELECT `project_id`, 1 FROM `documents` WHERE `id` = new.`document_id` ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_turns_delete` AFTER DELETE ON `turns` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `structure`) SELECT `project_id`, 1 FROM `documents` WHERE `id` = old.`document_id` ON CONFLICT (`project_id`) DO UPDATE SET `structure` = `structure` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_document_attribute_values_insert` AFTER INSERT ON `document_attribute_values` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT `project_id`, 1 FROM `attribute_definitions` WHERE `id` = new.`attribute_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_document_attribute_values_update` AFTER UPDATE ON `document_attribute_values` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT `project_id`, 1 FROM `attribute_definitions` WHERE `id` = new.`attribute_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_document_attribute_values_delete` AFTER DELETE ON `document_attribute_values` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT `project_id`, 1 FROM `attribute_definitions` WHERE `id` = old.`attribute_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_participant_attribute_values_insert` AFTER INSERT ON `participant_attribute_values` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT `project_id`, 1 FROM `attribute_definitions` WHERE `id` = new.`attribute_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_participant_attribute_values_update` AFTER UPDATE ON `participant_attribute_values` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT `project_id`, 1 FROM `attribute_definitions` WHERE `id` = new.`attribute_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_participant_attribute_values_delete` AFTER DELETE ON `participant_attribute_values` BEGIN
  INSERT INTO `analysis_revisions` (`project_id`, `attributes`) SELECT `project_id`, 1 FROM `attribute_definitions` WHERE `id` = old.`attribute_id` ON CONFLICT (`project_id`) DO UPDATE SET `attributes` = `attributes` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_codings_insert` AFTER INSERT ON `codings` BEGIN
  INSERT INTO `analysis_changes` (`project_id`, `coding_id`) VALUES (new.`project_id`, new.`id`);
  DELETE FROM `analysis_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `analysis_changes`) - 100000;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_codings_update` AFTER UPDATE OF `project_id`, `document_id`, `code_id`, `layer`, `coder_id`, `start`, `end` ON `codings` BEGIN
  INSERT INTO `analysis_changes` (`project_id`, `coding_id`) VALUES (new.`project_id`, new.`id`);
  DELETE FROM `analysis_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `analysis_changes`) - 100000;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_codings_delete` AFTER DELETE ON `codings` BEGIN
  INSERT INTO `analysis_changes` (`project_id`, `coding_id`) VALUES (old.`project_id`, old.`id`);
  DELETE FROM `analysis_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `analysis_changes`) - 100000;
END;
