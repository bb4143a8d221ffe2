-- Search on PostgreSQL (issue #20, item 3); written from db/pg/search-schema.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE FUNCTION fgc_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN translate(lower(replace(t, 'İ', 'i') COLLATE "und-x-icu"), 'µſͅςϐϑϕϖϰϱϵẛι', 'μsισβθφπκρεṡι');
--> statement-breakpoint
CREATE INDEX turns_search_trgm ON turns USING gin (fgc_search_fold(text) gin_trgm_ops);
