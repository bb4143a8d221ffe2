-- Sessions are signed tokens; each carries the user's session version at sign-in and counts
-- only while it matches this column, so raising it ends every session of the user at once.
ALTER TABLE `users` ADD `session_version` integer DEFAULT 0 NOT NULL;
