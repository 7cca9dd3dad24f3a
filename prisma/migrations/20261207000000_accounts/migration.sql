-- Accounts (issue 10): sessions that can be ended, tokens that expire and may be read-only,
-- and sign-in throttling counted in the database so every server process shares it.

-- AlterTable: a session carries the version it was signed in under; raising it ends them all.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD COLUMN "notify_low_stock" BOOLEAN NOT NULL DEFAULT false;

-- RedefineTable: SQLite cannot add a NOT NULL column without a constant default, so api_tokens
-- is rebuilt. Tokens issued before this migration expire 90 days after it, as new ones do by
-- default (written in the adapter's ISO-8601 form so that Prisma reads it back as a date).
CREATE TABLE "new_api_tokens" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'write',
    "last_used_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME NOT NULL,
    "revoked_at" DATETIME,
    CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "api_tokens_scope_check" CHECK ("scope" IN ('read', 'write'))
);
INSERT INTO "new_api_tokens" ("id", "user_id", "name", "token_hash", "prefix", "scope", "last_used_at", "created_at", "expires_at", "revoked_at")
SELECT "id", "user_id", "name", "token_hash", "prefix", 'write', "last_used_at", "created_at",
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+90 days'), "revoked_at"
  FROM "api_tokens";
DROP TABLE "api_tokens";
ALTER TABLE "new_api_tokens" RENAME TO "api_tokens";
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "attempts" INTEGER NOT NULL,
    "reset_at_ms" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "sign_in_throttles_reset_at_ms_idx" ON "sign_in_throttles"("reset_at_ms");
