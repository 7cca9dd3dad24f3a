-- Names that must be unique compare after Unicode NFC and case folding, alike on both engines
-- ("Épicerie" and "ÉPICERIE" collided on PostgreSQL but not on SQLite, whose lower() folds
-- ASCII only; "É" typed as E + combining accent collided with neither). The folded key is
-- computed in JavaScript (lib/name-key.ts), stored, and the unique indexes are on the key.
--
-- The keys below are provisional: lower() is exact for ASCII only. The migration runner
-- (lib/db/migrate.ts) computes the real keys in this migration's transaction, right after this
-- SQL (lib/db/fold-name-keys.ts), renaming a later live duplicate that the new rule reveals.
-- The columns keep DEFAULT '' because SQLite cannot drop a column default without rebuilding
-- the table; every write sets the key.

-- AlterTable
ALTER TABLE "categories" ADD COLUMN "name_key" TEXT NOT NULL DEFAULT '';
ALTER TABLE "suppliers" ADD COLUMN "name_key" TEXT NOT NULL DEFAULT '';
ALTER TABLE "locations" ADD COLUMN "code_key" TEXT NOT NULL DEFAULT '';

UPDATE "categories" SET "name_key" = lower("name");
UPDATE "suppliers" SET "name_key" = lower("name");

-- Location codes are ASCII (letters, digits, dot, dash, underscore), so lower() is their exact
-- key. Their case-insensitive uniqueness was checked by a query after the write, which two
-- concurrent writers could both pass: a later duplicate left by such a race gets its id appended.
UPDATE "locations" SET "code" = substr("code", 1, 20) || '-' || "id"
 WHERE EXISTS (SELECT 1 FROM "locations" AS "earlier" WHERE lower("earlier"."code") = lower("locations"."code") AND "earlier"."id" < "locations"."id");
UPDATE "locations" SET "code_key" = lower("code");

-- Names are unique by key among live (not soft-deleted) rows; codes among all rows, deleted ones
-- included (a deleted location keeps its code).
DROP INDEX "categories_live_name_key";
DROP INDEX "suppliers_live_name_key";
CREATE UNIQUE INDEX "categories_live_name_key" ON "categories"("name_key") WHERE "deleted_at" IS NULL;
CREATE UNIQUE INDEX "suppliers_live_name_key" ON "suppliers"("name_key") WHERE "deleted_at" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "locations_code_key_key" ON "locations"("code_key");
