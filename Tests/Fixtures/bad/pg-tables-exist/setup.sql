-- The destination schema holds a boundary table already.
CREATE SCHEMA d;
CREATE TABLE d.boundary (id text, geom geometry(Polygon, 4326));
