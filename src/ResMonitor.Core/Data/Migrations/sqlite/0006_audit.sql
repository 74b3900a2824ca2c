-- The audit trail: every changed field of every write, with who, when, through which channel and why.
CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "row_key" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "old_value" TEXT NULL,
    "new_value" TEXT NULL,
    "reason" TEXT NULL
);

CREATE INDEX "ix_audit_entries_at" ON "audit_entries" ("at");
CREATE INDEX "ix_audit_entries_table_name_row_key" ON "audit_entries" ("table_name", "row_key");
