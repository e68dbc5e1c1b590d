-- The answers to POST /webhooks kept for an Idempotency-Key replay held the new webhook's secret, a second
-- copy in the clear; a replay answers without it (only the webhook keeps it, sealed), so the copies kept
-- before are dropped from the answers. A data change apart from V9's schema change; the table holds a day
-- of keys (boxoffice.idempotency.retention), and only the webhooks' answers are touched.
SET lock_timeout = '5s';
SET statement_timeout = '5min';

UPDATE idempotency_keys SET body = (body::jsonb - 'secret')::text
WHERE location LIKE '/webhooks/%' AND body LIKE '%"secret"%';
