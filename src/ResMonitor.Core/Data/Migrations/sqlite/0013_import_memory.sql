-- What the import remembers: per region the decision about a possible duplicate (a new project, or the same as an
-- existing one), keyed by the row's generated id so that two people deciding at once store exactly one; and per
-- organisation the headers matched to a column on the upload page.
CREATE TABLE "import_decisions" (
    "region_id" TEXT NOT NULL,
    "row_key" TEXT NOT NULL,
    "same_as" TEXT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "pk_import_decisions" PRIMARY KEY ("region_id", "row_key"),
    CONSTRAINT "fk_import_decisions_regions_region_id" FOREIGN KEY ("region_id") REFERENCES "regions" ("id") ON DELETE CASCADE
);

CREATE TABLE "import_column_mappings" (
    "owner" TEXT NOT NULL,
    "header_key" TEXT NOT NULL,
    "column_name" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_import_column_mappings" PRIMARY KEY ("owner", "header_key")
);
