-- A schema with its manifest but no boundary table.
CREATE SCHEMA d;
CREATE TABLE d.district (manifest json);
INSERT INTO d.district VALUES ('{"name": "测试区", "name_en": "Test District", "official_area_km2": 1.0, "metric_crs": "EPSG:4549", "residents": 0, "layers": {"boundary": {"file": "boundary"}}}');
