-- A coverage_results table someone else made, with columns of their own.
CREATE SCHEMA d;
CREATE TABLE d.coverage_results (id serial PRIMARY KEY, note text);
