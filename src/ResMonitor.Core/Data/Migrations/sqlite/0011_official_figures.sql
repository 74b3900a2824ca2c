-- Official counts per region and technique (CBS StatLine), to show how complete the register is.
CREATE TABLE "official_figures" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_official_figures" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "technique" TEXT NOT NULL,
    "capacity_mw" REAL NOT NULL,
    "period_end" TEXT NOT NULL,
    "table_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "fk_official_figures_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_official_figures_region_id" ON "official_figures" ("region_id");
