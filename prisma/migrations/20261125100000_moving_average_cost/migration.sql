-- Valuation as of any date read the product's current cost for receipts posted without one,
-- so editing a cost rewrote history, and it replayed the whole ledger on every request.
-- Receipts now keep the cost they were posted at, and every row the product's moving weighted
-- average cost right after it (micro-cents, 1e-6 cent, rounded half-up once per receipt).

-- AlterTable
ALTER TABLE "products" ADD COLUMN "average_cost_micro_cents" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stock_movements" ADD COLUMN "average_cost_micro_cents" BIGINT NOT NULL DEFAULT 0;

-- Backfill the rows already in the ledger, the one time it may be written: the append-only
-- trigger is dropped for this transaction's UPDATEs and created again below, unchanged.
DROP TRIGGER "stock_movements_refuse_update";

UPDATE "stock_movements"
   SET "unit_cost_cents" = (SELECT "cost_cents" FROM "products" WHERE "products"."id" = "stock_movements"."product_id")
 WHERE "type" = 'RECEIPT' AND "unit_cost_cents" IS NULL;

CREATE TEMP TABLE "movement_order" AS
SELECT "id", "product_id", "type", "quantity", "unit_cost_cents",
       ROW_NUMBER() OVER (PARTITION BY "product_id" ORDER BY "id") AS "position",
       COALESCE(SUM("quantity") OVER (PARTITION BY "product_id" ORDER BY "id"
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS "held_before"
  FROM "stock_movements";

CREATE UNIQUE INDEX "temp"."movement_order_position" ON "movement_order"("product_id", "position");

-- receive(): (held * average + quantity * cost * 1e6) / (held + quantity), rounded half-up.
CREATE TEMP TABLE "movement_average" AS
WITH RECURSIVE "replay"("product_id", "position", "id", "average") AS (
    SELECT "product_id", "position", "id",
           CASE WHEN "type" = 'RECEIPT' AND "quantity" > 0 THEN "unit_cost_cents" * 1000000 ELSE 0 END
      FROM "movement_order" WHERE "position" = 1
    UNION ALL
    SELECT m."product_id", m."position", m."id",
           CASE WHEN m."type" = 'RECEIPT' AND MAX(m."held_before", 0) + m."quantity" > 0
                THEN ((MAX(m."held_before", 0) * r."average" + m."quantity" * m."unit_cost_cents" * 1000000) * 2 + MAX(m."held_before", 0) + m."quantity")
                     / ((MAX(m."held_before", 0) + m."quantity") * 2)
                ELSE r."average" END
      FROM "replay" r JOIN "movement_order" m ON m."product_id" = r."product_id" AND m."position" = r."position" + 1
)
SELECT "id", "product_id", "average" FROM "replay";

CREATE UNIQUE INDEX "temp"."movement_average_id" ON "movement_average"("id");

UPDATE "stock_movements"
   SET "average_cost_micro_cents" = (SELECT "average" FROM "movement_average" WHERE "movement_average"."id" = "stock_movements"."id");

UPDATE "products"
   SET "average_cost_micro_cents" = COALESCE((SELECT "average_cost_micro_cents" FROM "stock_movements"
                                               WHERE "stock_movements"."product_id" = "products"."id"
                                               ORDER BY "id" DESC LIMIT 1), 0);

DROP TABLE "movement_average";
DROP TABLE "movement_order";

CREATE TRIGGER "stock_movements_refuse_update" BEFORE UPDATE ON "stock_movements"
BEGIN
    SELECT RAISE(ABORT, 'stock_movements is append-only: UPDATE is not allowed');
END;

-- Valuation as of a date reads each (product, location)'s last row up to then.
CREATE INDEX "stock_movements_product_id_location_id_created_at_idx" ON "stock_movements"("product_id", "location_id", "created_at");

-- CreateIndex: a product's ledger, newest first, without sorting its rows (the product page).
CREATE INDEX "stock_movements_product_id_id_idx" ON "stock_movements"("product_id", "id");

-- CreateIndex: stock per location (the locations page) without reading each level's row.
CREATE INDEX "stock_levels_location_id_on_hand_idx" ON "stock_levels"("location_id", "on_hand");
