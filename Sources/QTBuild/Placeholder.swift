/// Builds a district folder from an OpenStreetMap extract.
public enum QTBuildModule {}
