-- Accounts (issue 10): sessions that can be ended, tokens that expire and may be read-only,
-- and sign-in throttling counted in the database so every server process shares it.

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'write');

-- AlterTable: a session carries the version it was signed in under; raising it ends them all.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "notify_low_stock" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable: tokens issued before this migration expire 90 days after it, as new ones do by default.
ALTER TABLE "api_tokens" ADD COLUMN "scope" "ApiTokenScope" NOT NULL DEFAULT 'write',
ADD COLUMN "expires_at" TIMESTAMP(3);
-- Prisma keeps UTC in TIMESTAMP columns, whatever the server's time zone.
UPDATE "api_tokens" SET "expires_at" = (CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + INTERVAL '90 days';
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "reset_at_ms" BIGINT NOT NULL,

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_throttles_reset_at_ms_idx" ON "sign_in_throttles"("reset_at_ms");
