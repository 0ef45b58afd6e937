-- The boundary table's geometry column holds lines.
CREATE SCHEMA d;
CREATE TABLE d.district (manifest json);
INSERT INTO d.district VALUES ('{"name": "测试区", "name_en": "Test District", "official_area_km2": 1.0, "metric_crs": "EPSG:4549", "residents": 0, "layers": {"boundary": {"file": "boundary"}}}');
CREATE TABLE d.boundary (id text, geom geometry(LineString, 4326));
INSERT INTO d.boundary VALUES ('b', 'SRID=4326;LINESTRING(120.3 30.3,120.31 30.3,120.31 30.31,120.3 30.3)');
