-- 0001 initial schema: regions, partners, targets, projects with phase history and permits, search areas, full-load hours.
-- Written to match ResMonitorDbContext; MigrationTests checks that the migrated schema equals the model.

CREATE TABLE "regions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_regions" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NULL
);


CREATE TABLE "organisations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "website" TEXT NULL,
    "population" INTEGER NULL,
    "population_reference_date" TEXT NULL,
    "population_source" TEXT NULL,
    "boundary_geo_json" TEXT NULL,
    "boundary_source" TEXT NULL,
    CONSTRAINT "fk_organisations_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);


CREATE TABLE "targets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_targets" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "technique" TEXT NULL,
    "year" INTEGER NOT NULL,
    "value_mwh" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "reference_date" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_targets_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);


CREATE TABLE "full_load_hours" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_full_load_hours" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "technique" TEXT NOT NULL,
    "municipality_id" INTEGER NULL,
    "hours" REAL NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "fk_full_load_hours_organisations_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_full_load_hours_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);


CREATE TABLE "search_areas" (
    "id" TEXT NOT NULL CONSTRAINT "pk_search_areas" PRIMARY KEY,
    "region_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "technique" TEXT NOT NULL,
    "municipality_id" INTEGER NULL,
    "geometry_geo_json" TEXT NULL,
    "is_example" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "source_date" TEXT NOT NULL,
    CONSTRAINT "fk_search_areas_organisations_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_search_areas_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);


CREATE TABLE "projects" (
    "id" TEXT NOT NULL CONSTRAINT "pk_projects" PRIMARY KEY,
    "region_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "technique" TEXT NOT NULL,
    "capacity_mw" REAL NOT NULL,
    "municipality_id" INTEGER NOT NULL,
    "search_area_id" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "measured_yield_mwh" REAL NULL,
    "measured_yield_year" INTEGER NULL,
    "owners" TEXT NULL,
    "local_ownership_percent" REAL NULL,
    "participation" TEXT NULL,
    "phase" TEXT NOT NULL,
    "phase_date" TEXT NULL,
    "is_example" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "source_date" TEXT NOT NULL,
    CONSTRAINT "fk_projects_organisations_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_projects_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_projects_search_areas_search_area_id" FOREIGN KEY ("search_area_id") REFERENCES "search_areas" ("id") ON DELETE SET NULL
);


CREATE TABLE "permits" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_permits" PRIMARY KEY AUTOINCREMENT,
    "project_id" TEXT NOT NULL,
    "competent_authority" TEXT NOT NULL,
    "case_number" TEXT NULL,
    "applied_on" TEXT NULL,
    "granted_on" TEXT NULL,
    "irrevocable_on" TEXT NULL,
    "handed_over_to_province_on" TEXT NULL,
    CONSTRAINT "fk_permits_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE
);


CREATE TABLE "phase_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_phase_changes" PRIMARY KEY AUTOINCREMENT,
    "project_id" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_phase_changes_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_full_load_hours_municipality_id" ON "full_load_hours" ("municipality_id");


CREATE INDEX "ix_full_load_hours_region_id" ON "full_load_hours" ("region_id");


CREATE UNIQUE INDEX "ix_organisations_region_id_code" ON "organisations" ("region_id", "code");


CREATE INDEX "ix_permits_project_id" ON "permits" ("project_id");


CREATE INDEX "ix_phase_changes_project_id_date" ON "phase_changes" ("project_id", "date");


CREATE INDEX "ix_projects_municipality_id" ON "projects" ("municipality_id");


CREATE INDEX "ix_projects_region_id_phase" ON "projects" ("region_id", "phase");


CREATE INDEX "ix_projects_search_area_id" ON "projects" ("search_area_id");


CREATE INDEX "ix_search_areas_municipality_id" ON "search_areas" ("municipality_id");


CREATE INDEX "ix_search_areas_region_id" ON "search_areas" ("region_id");


CREATE INDEX "ix_targets_region_id" ON "targets" ("region_id");


