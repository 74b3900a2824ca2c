-- Municipal targets: a target may belong to one municipality (its agreed contribution for one technique, RES 1.0),
-- and each region says once from when and by which phase a project counts as new.
ALTER TABLE targets ADD COLUMN municipality_id integer;

ALTER TABLE targets ADD CONSTRAINT fk_targets_organisations_municipality_id
    FOREIGN KEY (municipality_id) REFERENCES organisations (id) ON DELETE RESTRICT;

CREATE INDEX ix_targets_municipality_id ON targets (municipality_id);

ALTER TABLE regions ADD COLUMN new_projects_from date;

ALTER TABLE regions ADD COLUMN new_projects_phase character varying(40);
