-- The address of an e-mailed invitation, kept only until its link is used (then erased), so that
-- reminders can be sent to those who have not answered yet. Anonymous links have none.
ALTER TABLE invitation ADD COLUMN email VARCHAR(320);

-- Hashes of links replaced by a reminder's new link, so that an old link answers "replaced" (410)
-- rather than "unknown". Not linked to any invitation.
CREATE TABLE retired_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    retired_on  DATE NOT NULL
);
