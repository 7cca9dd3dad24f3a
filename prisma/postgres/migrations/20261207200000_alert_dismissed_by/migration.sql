-- Who dismissed an alert: a plain user id, without a foreign key, since users are disabled
-- and never deleted, and the dismissal is also in the audit trail with its actor.

-- AlterTable
ALTER TABLE "inventory_alerts" ADD COLUMN "dismissed_by_id" INTEGER;
