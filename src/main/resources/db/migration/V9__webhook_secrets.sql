-- An admin's all-events webhook receives every organizer's notifications only while its owner keeps showing
-- the admin role: admin_seen_at is when they last called /webhooks with it (the epoch once they called
-- without it). A new nullable column, so the release before this one works on this schema unchanged; the
-- webhooks it makes leave it null, which counts as their creation time.
-- The secrets column keeps its shape: each value is sealed (AES-GCM, "sealed" and base64), and a whsec_
-- value kept unsealed is read as it is until the webhook's secrets are written again.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

ALTER TABLE webhooks ADD COLUMN IF NOT EXISTS admin_seen_at timestamptz;
