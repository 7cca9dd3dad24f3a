-- Archiving old ledger rows (API.md, "Archiving old ledger rows"). Rows created before a cut
-- move, batch by batch, from stock_movements to stock_movements_archive (same columns, same
-- refusal of UPDATE, DELETE and TRUNCATE); each batch records, per stock level it touches, a
-- checkpoint: the level's balance and the product's moving average cost after the level's
-- last archived row, so that balances and ledger:verify start from it instead of the archive.

-- CreateTable
CREATE TABLE "ledger_archive_runs" (
    "id" SERIAL NOT NULL,
    "before_day" TEXT NOT NULL,
    "cut_at" TIMESTAMP(3) NOT NULL,
    "archived" INTEGER NOT NULL DEFAULT 0,
    "checkpoints" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "ledger_archive_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_checkpoints" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "average_cost_micro_cents" BIGINT NOT NULL,
    "cut_at" TIMESTAMP(3) NOT NULL,
    "through_movement_id" INTEGER NOT NULL,
    "through_created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ledger_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable: the columns of stock_movements, in the same order; ids are the live rows' own.
-- No foreign keys: products, locations and users are never deleted (soft deletes), and a
-- user's ON DELETE SET NULL would be an UPDATE the archive refuses.
CREATE TABLE "stock_movements_archive" (
    "id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,
    "type" "MovementType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "balance_after" INTEGER NOT NULL,
    "unit_cost_cents" INTEGER,
    "reason" TEXT,
    "reference" TEXT,
    "transfer_id" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL,
    "average_cost_micro_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "stock_movements_archive_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ledger_checkpoints" ADD CONSTRAINT "ledger_checkpoints_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ledger_archive_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The archive is as append-only as the ledger it came from.
CREATE FUNCTION "stock_movements_archive_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movements_archive is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "stock_movements_archive_refuse_update_delete" BEFORE UPDATE OR DELETE ON "stock_movements_archive"
FOR EACH ROW EXECUTE FUNCTION "stock_movements_archive_refuse_change"();

CREATE TRIGGER "stock_movements_archive_refuse_truncate" BEFORE TRUNCATE ON "stock_movements_archive"
FOR EACH STATEMENT EXECUTE FUNCTION "stock_movements_archive_refuse_change"();

-- The one way a row leaves the live ledger: its identical copy is already in the archive.
-- UPDATE and TRUNCATE stay refused by the original function.
DROP TRIGGER "stock_movements_refuse_update_delete" ON "stock_movements";

CREATE TRIGGER "stock_movements_refuse_update" BEFORE UPDATE ON "stock_movements"
FOR EACH ROW EXECUTE FUNCTION "stock_movements_refuse_change"();

CREATE FUNCTION "stock_movements_refuse_unarchived_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM "stock_movements_archive" a
         WHERE a."id" = OLD."id"
           AND (a."product_id", a."location_id", a."type", a."quantity", a."balance_after", a."unit_cost_cents", a."reason",
                a."reference", a."transfer_id", a."created_by_id", a."created_at", a."average_cost_micro_cents")
               IS NOT DISTINCT FROM
               (OLD."product_id", OLD."location_id", OLD."type", OLD."quantity", OLD."balance_after", OLD."unit_cost_cents", OLD."reason",
                OLD."reference", OLD."transfer_id", OLD."created_by_id", OLD."created_at", OLD."average_cost_micro_cents")
    ) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'stock_movements is append-only: DELETE is not allowed (except of a row already copied to stock_movements_archive)';
END;
$$;

CREATE TRIGGER "stock_movements_refuse_delete" BEFORE DELETE ON "stock_movements"
FOR EACH ROW EXECUTE FUNCTION "stock_movements_refuse_unarchived_delete"();
