-- Comments are read a page at a time in id order (GET /report/comments?after=&limit=): an index on
-- (campaign_id, id) over the responses that have a comment, so a page costs the same whatever the
-- number of responses without one. PostgreSQL: a partial index (placeholder commentFilter =
-- "WHERE comment_text IS NOT NULL"); H2 has no partial indexes (placeholder empty).
CREATE INDEX ix_survey_response_comment ON survey_response (campaign_id, id) ${commentFilter};
