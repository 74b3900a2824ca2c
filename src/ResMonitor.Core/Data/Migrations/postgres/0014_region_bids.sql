-- 0014 A region's place in the national picture: CBS code (ES01..ES30), RES 1.0 bid as one figure, a range or
-- unknown (all three null; never zero), with source, note and mark, and the region's boundary.
CREATE TABLE region_bids (
    region_id character varying(64) NOT NULL,
    code character varying(8) NOT NULL,
    bid_mwh numeric NULL,
    low_mwh numeric NULL,
    high_mwh numeric NULL,
    source text NOT NULL,
    note text NULL,
    mark character varying(8) NOT NULL,
    boundary_geo_json text NULL,
    boundary_source text NULL,
    CONSTRAINT pk_region_bids PRIMARY KEY (region_id),
    CONSTRAINT fk_region_bids_regions_region_id FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_region_bids_code ON region_bids (code);
