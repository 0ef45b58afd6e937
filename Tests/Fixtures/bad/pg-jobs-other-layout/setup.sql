-- A job table someone changed: a column renamed, one added.
CREATE SCHEMA d;
CREATE TABLE d.qtplan_jobs (id bigserial PRIMARY KEY, folder text NOT NULL, status text NOT NULL DEFAULT 'waiting', error text,
    attempts integer NOT NULL DEFAULT 0, worker text, started_at timestamptz, finished_at timestamptz, load_seconds double precision, priority integer);
