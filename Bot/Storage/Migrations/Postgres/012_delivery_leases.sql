-- Several instances of the service over one database: a dispatcher claims the rows it is about to send with a lease
-- (who, until when, unix ms). Only the claimant's outcome write lands; a claim whose lease ran out (a crashed instance)
-- is taken over. After a send the lease is kept a few seconds on the sent rows, so that no other instance writes to
-- the same chat within Telegram's per-chat spacing.
ALTER TABLE deliveries ADD COLUMN claimed_by text;
ALTER TABLE deliveries ADD COLUMN claimed_until bigint;
-- The claim asks, for each recipient it considers, whether another instance holds any of its rows (index seek).
CREATE INDEX deliveries_claims ON deliveries (recipient, channel, claimed_until) WHERE claimed_until IS NOT NULL;

-- One row per sending instance, written at least every second while it sends: the live ones share Telegram's
-- global budget (30 messages/s for the bot as a whole).
CREATE TABLE dispatcher_instances (
    instance  text   PRIMARY KEY,
    seen_at   bigint NOT NULL
);
