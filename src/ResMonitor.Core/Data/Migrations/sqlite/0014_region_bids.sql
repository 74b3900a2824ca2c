-- 0014 A region's place in the national picture: CBS code (ES01..ES30), RES 1.0 bid as one figure, a range or
-- unknown (all three null; never zero), with source, note and mark, and the region's boundary.
CREATE TABLE "region_bids" (
    "region_id" TEXT NOT NULL CONSTRAINT "pk_region_bids" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "bid_mwh" REAL NULL,
    "low_mwh" REAL NULL,
    "high_mwh" REAL NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NULL,
    "mark" TEXT NOT NULL,
    "boundary_geo_json" TEXT NULL,
    "boundary_source" TEXT NULL,
    CONSTRAINT "fk_region_bids_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_region_bids_code" ON "region_bids" ("code");
