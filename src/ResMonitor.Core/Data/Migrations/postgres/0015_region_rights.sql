-- Rights per region: a user belongs to one region (a region's werkbureau, or a redacteur's organisation) or, with no
-- region, to the whole instance (national). Every audit entry names the region its row belongs to, so that each
-- werkbureau's change log holds its own region only.
ALTER TABLE users ADD COLUMN region_id character varying(64);

ALTER TABLE users ADD CONSTRAINT fk_users_regions_region_id
    FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE RESTRICT;

UPDATE users SET region_id = (SELECT o.region_id FROM organisations o WHERE o.id = users.organisation_id)
WHERE organisation_id IS NOT NULL;

CREATE INDEX ix_users_region_id ON users (region_id);

ALTER TABLE audit_entries ADD COLUMN region_id character varying(64);

UPDATE audit_entries SET region_id = (SELECT id FROM regions)
WHERE (SELECT COUNT(*) FROM regions) = 1;

UPDATE audit_entries SET region_id = (SELECT p.region_id FROM projects p WHERE p.id = audit_entries.row_key)
WHERE region_id IS NULL AND table_name = 'projects';

CREATE INDEX ix_audit_entries_region_id_at ON audit_entries (region_id, at);
