-- A product's barcode (GTIN or in-house code), unique among live products: a deleted product
-- gives its barcode up, as the shelf label moves to the product that replaced it. The partial
-- index also serves the scanner's lookup by barcode among live products.

-- AlterTable
ALTER TABLE "products" ADD COLUMN "barcode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "products_live_barcode_key" ON "products"("barcode") WHERE "deleted_at" IS NULL;
