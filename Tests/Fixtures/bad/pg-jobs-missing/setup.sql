-- A schema without a job table.
CREATE SCHEMA d;
