-- A schema with a boundary table but no district (manifest) table.
CREATE SCHEMA d;
CREATE TABLE d.boundary (id text, geom geometry(Polygon, 4326));
INSERT INTO d.boundary VALUES ('b', 'SRID=4326;POLYGON((120.3 30.3,120.31 30.3,120.31 30.31,120.3 30.3))');
