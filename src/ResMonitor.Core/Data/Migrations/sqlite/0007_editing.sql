-- Editing through the site: a project's version, raised on every change, so that a save from a stale form is refused.
ALTER TABLE "projects" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
