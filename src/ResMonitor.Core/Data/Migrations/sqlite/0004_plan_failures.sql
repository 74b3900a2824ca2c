-- Planuitval: plans that are not, partly or late realised; records are kept, never deleted.
CREATE TABLE "plan_failures" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_plan_failures" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "project_id" TEXT NULL,
    "search_area_id" TEXT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "realised_percent" REAL NULL,
    "expected_on" TEXT NULL,
    "lost_mwh" REAL NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_plan_failures_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_plan_failures_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_plan_failures_search_areas_search_area_id" FOREIGN KEY ("search_area_id") REFERENCES "search_areas" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_plan_failures_project_id" ON "plan_failures" ("project_id");
CREATE INDEX "ix_plan_failures_region_id" ON "plan_failures" ("region_id");
CREATE INDEX "ix_plan_failures_search_area_id" ON "plan_failures" ("search_area_id");
