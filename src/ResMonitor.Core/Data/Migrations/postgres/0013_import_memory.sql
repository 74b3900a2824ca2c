-- What the import remembers: per region the decision about a possible duplicate (a new project, or the same as an
-- existing one), keyed by the row's generated id so that two people deciding at once store exactly one; and per
-- organisation the headers matched to a column on the upload page.
CREATE TABLE import_decisions (
    region_id character varying(64) NOT NULL,
    row_key character varying(64) NOT NULL,
    same_as character varying(64),
    decided_by character varying(200) NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_import_decisions PRIMARY KEY (region_id, row_key),
    CONSTRAINT fk_import_decisions_regions_region_id FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE CASCADE
);

CREATE TABLE import_column_mappings (
    owner character varying(100) NOT NULL,
    header_key character varying(200) NOT NULL,
    column_name character varying(64) NOT NULL,
    updated_by character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_import_column_mappings PRIMARY KEY (owner, header_key)
);
