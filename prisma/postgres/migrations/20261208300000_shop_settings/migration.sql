-- The shop's name, currency and time zone: one row (id 1), written on the first save; until
-- then the application uses its defaults (lib/settings/get-shop-settings.ts).

-- CreateTable
CREATE TABLE "shop_settings" (
    "id" INTEGER NOT NULL,
    "shop_name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_settings_pkey" PRIMARY KEY ("id")
);
