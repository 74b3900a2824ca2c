-- The keys that protect the sign-in cookie and the form tokens (ASP.NET Core data protection), shared by every
-- instance of the site on this database. Not in a backup: see docs/backup.md.
CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);
