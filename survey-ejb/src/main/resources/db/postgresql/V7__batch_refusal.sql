-- PostgreSQL only (location db/postgresql; H2 has no version 7, and the next common migration is
-- version 8). The submission writer stores a batch in ONE statement that commits by itself
-- (autocommit): the statement checks what it wrote and, when a link had been used meanwhile, calls
-- this function, whose error rolls the whole statement back. SQL has no RAISE of its own.
CREATE FUNCTION cxalign_refuse_batch(reason text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  RAISE EXCEPTION 'batch refused: %', reason USING ERRCODE = 'P0001';
END
$$;
