-- Purchase orders (issue 14): orders to suppliers, their lines, the links from the RECEIPT
-- movements that received them, a counter for their numbers, and each product's units on order.

-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED');

-- AlterTable: what open orders still bring in, kept in step with their lines.
ALTER TABLE "products" ADD COLUMN "on_order" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "products" ADD CONSTRAINT "products_on_order_not_negative" CHECK ("on_order" >= 0);

-- CreateTable
CREATE TABLE "purchase_order_sequence" (
    "id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "purchase_order_sequence_pkey" PRIMARY KEY ("id")
);
INSERT INTO "purchase_order_sequence" ("id", "value") VALUES (1, 0);

-- CreateTable
CREATE TABLE "purchase_orders" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "supplier_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'DRAFT',
    "reference" TEXT,
    "expected_at" TIMESTAMP(3),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "ordered_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "purchase_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable: received never exceeds ordered, even if code were wrong.
CREATE TABLE "purchase_order_lines" (
    "id" SERIAL NOT NULL,
    "purchase_order_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "received_quantity" INTEGER NOT NULL DEFAULT 0,
    "unit_cost_cents" INTEGER NOT NULL,

    CONSTRAINT "purchase_order_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "purchase_order_lines_quantity_check" CHECK ("quantity" > 0),
    CONSTRAINT "purchase_order_lines_received_check" CHECK ("received_quantity" >= 0 AND "received_quantity" <= "quantity"),
    CONSTRAINT "purchase_order_lines_unit_cost_check" CHECK ("unit_cost_cents" >= 0)
);

-- CreateTable: movement_id has no foreign key, so that archiving may move ledger rows out.
CREATE TABLE "purchase_order_receipts" (
    "movement_id" INTEGER NOT NULL,
    "purchase_order_id" INTEGER NOT NULL,
    "purchase_order_line_id" INTEGER NOT NULL,

    CONSTRAINT "purchase_order_receipts_pkey" PRIMARY KEY ("movement_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "purchase_orders_number_key" ON "purchase_orders"("number");
CREATE INDEX "purchase_orders_status_id_idx" ON "purchase_orders"("status", "id");
CREATE INDEX "purchase_orders_supplier_id_id_idx" ON "purchase_orders"("supplier_id", "id");
CREATE INDEX "purchase_orders_location_id_idx" ON "purchase_orders"("location_id");
CREATE INDEX "purchase_orders_created_by_id_idx" ON "purchase_orders"("created_by_id");
CREATE UNIQUE INDEX "purchase_order_lines_purchase_order_id_product_id_key" ON "purchase_order_lines"("purchase_order_id", "product_id");
CREATE INDEX "purchase_order_lines_product_id_idx" ON "purchase_order_lines"("product_id");
CREATE INDEX "purchase_order_receipts_purchase_order_id_idx" ON "purchase_order_receipts"("purchase_order_id");
CREATE INDEX "purchase_order_receipts_purchase_order_line_id_idx" ON "purchase_order_receipts"("purchase_order_line_id");

-- AddForeignKey
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_supplier_id_fkey" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_purchase_order_id_fkey" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "purchase_order_receipts" ADD CONSTRAINT "purchase_order_receipts_purchase_order_id_fkey" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "purchase_order_receipts" ADD CONSTRAINT "purchase_order_receipts_purchase_order_line_id_fkey" FOREIGN KEY ("purchase_order_line_id") REFERENCES "purchase_order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Replenishment's usage (units shipped by a product over a window) is one seek into this index
-- per product: its shipments in time order with their quantity, never the ledger's table.
CREATE INDEX "stock_movements_shipments_product_id_created_at_idx" ON "stock_movements"("product_id", "created_at", "quantity") WHERE "type" = 'SHIPMENT';
