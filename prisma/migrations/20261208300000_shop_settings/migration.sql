-- The shop's name, currency and time zone: one row (id 1), written on the first save; until
-- then the application uses its defaults (lib/settings/get-shop-settings.ts).

-- CreateTable
CREATE TABLE "shop_settings" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "shop_name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL
);
