-- The boundary in SRID 990001, which spatial_ref_sys defines with a PROJ string PROJ cannot read.
CREATE SCHEMA d;
CREATE TABLE d.district (manifest json);
INSERT INTO d.district VALUES ('{"name": "测试区", "name_en": "Test District", "official_area_km2": 1.0, "metric_crs": "EPSG:4549", "residents": 0, "layers": {"boundary": {"file": "boundary"}}}');
INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES (990001, 'qtplan-test', 990001, '', '+proj=nonsense');
CREATE TABLE d.boundary (id text, geom geometry(Polygon, 990001));
INSERT INTO d.boundary VALUES ('b', 'SRID=990001;POLYGON((500000 3350000,501000 3350000,501000 3351000,500000 3350000))');
