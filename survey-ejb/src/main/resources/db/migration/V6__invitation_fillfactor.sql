-- A customer's link is updated once, when it is used (used, idempotency_hash, version), and those
-- columns are in no index: with room left on its page PostgreSQL writes the new row version there
-- (a HOT update) and touches none of the table's three indexes. Filled to 100% (the default), 56%
-- of the uses in the ingestion benchmark were not HOT and each inserted into all three indexes.
-- At 70% a page's rows all fit again once each has grown by its idempotency hash. Applies to pages
-- written from now on; VACUUM FULL invitation rewrites the existing ones. PostgreSQL only
-- (placeholder invitationFillfactor); H2 keeps its rows in a B-tree and has no such setting.
${invitationFillfactor}
