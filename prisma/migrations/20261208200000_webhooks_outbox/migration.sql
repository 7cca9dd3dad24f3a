-- Webhooks and low-stock emails (issue 16): an outbox of events written in the transaction
-- that caused them, deliveries to webhooks claimed by a worker under a lease, and the alerts
-- waiting for each user's next email. Times the worker compares in SQL are integers
-- (milliseconds since 1970), which compare alike on both engines.

-- CreateTable
CREATE TABLE "webhooks" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'standard',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "secret_ciphertext" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "webhooks_format_check" CHECK ("format" IN ('standard', 'slack'))
);

-- CreateTable
CREATE TABLE "notification_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "webhook_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "next_attempt_at_ms" BIGINT NOT NULL,
    "lease_until_ms" BIGINT,
    "lease_token" TEXT,
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "notification_events" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('PENDING', 'SUCCEEDED', 'FAILED'))
);

-- CreateTable
CREATE TABLE "email_notifications" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "sent_at_ms" BIGINT,
    CONSTRAINT "email_notifications_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "notification_events" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "email_digest_states" (
    "user_id" INTEGER NOT NULL PRIMARY KEY,
    "last_sent_at_ms" BIGINT,
    "lease_until_ms" BIGINT,
    "lease_token" TEXT
);

-- CreateIndex
CREATE INDEX "notification_events_created_at_idx" ON "notification_events"("created_at");
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_event_id_key" ON "webhook_deliveries"("webhook_id", "event_id");
CREATE INDEX "webhook_deliveries_status_next_attempt_at_ms_idx" ON "webhook_deliveries"("status", "next_attempt_at_ms");
CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries"("event_id");
CREATE INDEX "email_notifications_user_id_sent_at_ms_idx" ON "email_notifications"("user_id", "sent_at_ms");
CREATE INDEX "email_notifications_event_id_idx" ON "email_notifications"("event_id");
