-- Netcongestie: per area (a municipality or a search area) the grid operator, the kind (feed-in or offtake), since
-- when, the expected end (after a named reinforcement) and the actual end, with source and reference date.
CREATE TABLE "grid_congestions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_grid_congestions" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "municipality_id" INTEGER NULL,
    "search_area_id" TEXT NULL,
    "grid_operator_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    "expected_end" TEXT NULL,
    "reinforcement" TEXT NULL,
    "ended_on" TEXT NULL,
    "source" TEXT NOT NULL,
    "source_date" TEXT NOT NULL,
    "is_example" INTEGER NOT NULL,
    CONSTRAINT "fk_grid_congestions_organisations_grid_operator_id" FOREIGN KEY ("grid_operator_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_grid_congestions_organisations_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_grid_congestions_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_grid_congestions_search_areas_search_area_id" FOREIGN KEY ("search_area_id") REFERENCES "search_areas" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_grid_congestions_grid_operator_id" ON "grid_congestions" ("grid_operator_id");
CREATE INDEX "ix_grid_congestions_municipality_id" ON "grid_congestions" ("municipality_id");
CREATE INDEX "ix_grid_congestions_region_id" ON "grid_congestions" ("region_id");
CREATE INDEX "ix_grid_congestions_search_area_id" ON "grid_congestions" ("search_area_id");
