-- Escalation procedure (opschaalprocedure): an impasse and its append-only timeline of events.
CREATE TABLE "impasses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_impasses" PRIMARY KEY AUTOINCREMENT,
    "region_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "topic_text" TEXT NULL,
    "title" TEXT NOT NULL,
    "opened_on" TEXT NOT NULL,
    "opening_trigger" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_impasses_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);

CREATE TABLE "escalation_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_escalation_events" PRIMARY KEY AUTOINCREMENT,
    "impasse_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "step" INTEGER NULL,
    "trigger" TEXT NULL,
    "owner" TEXT NULL,
    "mandate" TEXT NULL,
    "deadline" TEXT NULL,
    "reason" TEXT NULL,
    "assignment" TEXT NULL,
    "required_result" TEXT NULL,
    "text" TEXT NULL,
    "reference" TEXT NULL,
    "is_public" INTEGER NOT NULL,
    "organisation_id" INTEGER NULL,
    "message" TEXT NULL,
    "closure" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_escalation_events_impasses_impasse_id" FOREIGN KEY ("impasse_id") REFERENCES "impasses" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_escalation_events_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_impasses_region_id" ON "impasses" ("region_id");
CREATE INDEX "ix_escalation_events_impasse_id" ON "escalation_events" ("impasse_id");
CREATE INDEX "ix_escalation_events_organisation_id" ON "escalation_events" ("organisation_id");
