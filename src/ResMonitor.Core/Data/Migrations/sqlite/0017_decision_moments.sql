-- The region's shared timeline: decision moments with a date as exactly as it is known (day ... year).
CREATE TABLE "decision_moments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_decision_moments" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "date_precision" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "bodies" TEXT NULL,
    "is_legal_deadline" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NULL,
    "is_example" INTEGER NOT NULL,
    CONSTRAINT "fk_decision_moments_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_decision_moments_region_id_starts_on" ON "decision_moments" ("region_id", "starts_on");
