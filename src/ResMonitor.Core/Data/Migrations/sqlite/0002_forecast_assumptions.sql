-- Versioned forecast assumptions: per phase the chance of realisation and the delay (triangular, in months).
CREATE TABLE "forecast_assumptions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_forecast_assumptions" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "realisation_probability" REAL NOT NULL,
    "min_months" REAL NOT NULL,
    "mode_months" REAL NOT NULL,
    "max_months" REAL NOT NULL,
    "reasoning" TEXT NOT NULL,
    CONSTRAINT "fk_forecast_assumptions_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_forecast_assumptions_region_id_version_phase" ON "forecast_assumptions" ("region_id", "version", "phase");
