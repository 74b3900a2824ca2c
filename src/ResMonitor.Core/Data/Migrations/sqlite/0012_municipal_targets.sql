-- Municipal targets: a target may belong to one municipality (its agreed contribution for one technique, RES 1.0),
-- and each region says once from when and by which phase a project counts as new.
ALTER TABLE "targets" ADD COLUMN "municipality_id" INTEGER NULL
    CONSTRAINT "fk_targets_organisations_municipality_id" REFERENCES "organisations" ("id") ON DELETE RESTRICT;

CREATE INDEX "ix_targets_municipality_id" ON "targets" ("municipality_id");

ALTER TABLE "regions" ADD COLUMN "new_projects_from" TEXT NULL;

ALTER TABLE "regions" ADD COLUMN "new_projects_phase" TEXT NULL;
