-- Archiving old ledger rows (API.md, "Archiving old ledger rows"). Rows created before a cut
-- move, batch by batch, from stock_movements to stock_movements_archive (same columns, same
-- refusal of UPDATE and DELETE); each batch records, per stock level it touches, a checkpoint:
-- the level's balance and the product's moving average cost after the level's last archived
-- row, so that balances and ledger:verify start from it instead of the archived rows.

-- CreateTable
CREATE TABLE "ledger_archive_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "before_day" TEXT NOT NULL,
    "cut_at" DATETIME NOT NULL,
    "archived" INTEGER NOT NULL DEFAULT 0,
    "checkpoints" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "started_at" DATETIME NOT NULL,
    "finished_at" DATETIME
);

-- CreateTable
CREATE TABLE "ledger_checkpoints" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "average_cost_micro_cents" BIGINT NOT NULL,
    "cut_at" DATETIME NOT NULL,
    "through_movement_id" INTEGER NOT NULL,
    "through_created_at" DATETIME NOT NULL,
    CONSTRAINT "ledger_checkpoints_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ledger_archive_runs" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable: the columns of stock_movements, in the same order; ids are the live rows' own.
-- No foreign keys: products, locations and users are never deleted (soft deletes), and a
-- user's ON DELETE SET NULL would be an UPDATE the archive refuses.
CREATE TABLE "stock_movements_archive" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "product_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "balance_after" INTEGER NOT NULL,
    "unit_cost_cents" INTEGER,
    "reason" TEXT,
    "reference" TEXT,
    "transfer_id" TEXT,
    "created_by_id" INTEGER,
    "created_at" DATETIME NOT NULL,
    "average_cost_micro_cents" BIGINT NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_checkpoints_run_id_product_id_location_id_key" ON "ledger_checkpoints"("run_id", "product_id", "location_id");

-- CreateIndex: a level's latest checkpoint.
CREATE INDEX "ledger_checkpoints_product_id_location_id_through_movement_id_idx" ON "ledger_checkpoints"("product_id", "location_id", "through_movement_id");

-- CreateIndex: a product's latest checkpoint over its levels (its average cost).
CREATE INDEX "ledger_checkpoints_product_id_through_movement_id_idx" ON "ledger_checkpoints"("product_id", "through_movement_id");

-- CreateIndex
CREATE INDEX "stock_movements_archive_product_id_location_id_created_at_idx" ON "stock_movements_archive"("product_id", "location_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_movements_archive_product_id_created_at_idx" ON "stock_movements_archive"("product_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_movements_archive_product_id_id_idx" ON "stock_movements_archive"("product_id", "id");

-- CreateIndex
CREATE INDEX "stock_movements_archive_created_at_idx" ON "stock_movements_archive"("created_at");

-- The archive is as append-only as the ledger it came from.
CREATE TRIGGER "stock_movements_archive_refuse_update" BEFORE UPDATE ON "stock_movements_archive"
BEGIN
    SELECT RAISE(ABORT, 'stock_movements_archive is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER "stock_movements_archive_refuse_delete" BEFORE DELETE ON "stock_movements_archive"
BEGIN
    SELECT RAISE(ABORT, 'stock_movements_archive is append-only: DELETE is not allowed');
END;

-- The one way a row leaves the live ledger: its identical copy is already in the archive.
DROP TRIGGER "stock_movements_refuse_delete";

CREATE TRIGGER "stock_movements_refuse_delete" BEFORE DELETE ON "stock_movements"
WHEN NOT EXISTS (
    SELECT 1 FROM "stock_movements_archive" a
     WHERE a."id" = OLD."id" AND a."product_id" = OLD."product_id" AND a."location_id" = OLD."location_id"
       AND a."type" = OLD."type" AND a."quantity" = OLD."quantity" AND a."balance_after" = OLD."balance_after"
       AND a."unit_cost_cents" IS OLD."unit_cost_cents" AND a."reason" IS OLD."reason" AND a."reference" IS OLD."reference"
       AND a."transfer_id" IS OLD."transfer_id" AND a."created_by_id" IS OLD."created_by_id"
       AND a."created_at" = OLD."created_at" AND a."average_cost_micro_cents" = OLD."average_cost_micro_cents")
BEGIN
    SELECT RAISE(ABORT, 'stock_movements is append-only: DELETE is not allowed (except of a row already copied to stock_movements_archive)');
END;
