-- Postgres counterpart of SQLite migration 0023's triggers: a block stays exact only while all of
-- its rows are in prediction_log unchanged. A delete counts its rows out of their blocks (removing
-- a block with its last row) and marks them stale; a change of a logged column marks the old and
-- new block stale, so drift checks read their remaining rows one by one instead.
-- The delete trigger runs once per statement over a transition table: a retention delete of a
-- million rows updates each block once, not once per row. (A trigger with a column list, as the
-- update one needs, cannot have a transition table; updates of logged rows are rare.)
CREATE FUNCTION prediction_log_block_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE prediction_log_blocks AS b SET live = b.live - d.n, stale = true
	  FROM (SELECT block_id, count(*) AS n FROM old_rows WHERE block_id IS NOT NULL GROUP BY block_id) AS d
	 WHERE b.id = d.block_id;
	DELETE FROM prediction_log_blocks AS b
	 USING (SELECT DISTINCT block_id FROM old_rows WHERE block_id IS NOT NULL) AS d
	 WHERE b.id = d.block_id AND b.live <= 0;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER prediction_log_block_delete AFTER DELETE ON prediction_log
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION prediction_log_block_delete();
--> statement-breakpoint
CREATE FUNCTION prediction_log_block_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE prediction_log_blocks SET stale = true WHERE id IN (OLD.block_id, NEW.block_id);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER prediction_log_block_update
	AFTER UPDATE OF endpoint_id, version_id, created_at, latency_ms, inputs, outputs, block_id ON prediction_log
	FOR EACH ROW WHEN (OLD.block_id IS NOT NULL OR NEW.block_id IS NOT NULL) EXECUTE FUNCTION prediction_log_block_update();
