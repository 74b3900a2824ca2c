-- The register version: one counter that every write to a table behind the public figures raises in its own
-- transaction, so that every instance of the site knows when its cached figures are out of date.
CREATE TABLE "register_version" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_register_version" PRIMARY KEY CHECK ("id" = 1),
    "value" INTEGER NOT NULL
);
INSERT INTO "register_version" ("id", "value") VALUES (1, 1);
