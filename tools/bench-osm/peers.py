"""The peers of the OpenStreetMap build benchmark, timed in-process (imports excluded):
pyrosm: OSM(pbf) through get_network('walking') and get_network('driving');
osmnx: graph_from_xml on the extract's ways with a highway tag (osmium tags-filter, not timed), once with
bidirectional=True (walking) and once with bidirectional=False (driving), simplify=True, retain_all=True.
Usage: python3 peers.py pyrosm FILE.osm.pbf | osmnx FILE.osm   (prints seconds as JSON)
"""
import json
import sys
import time


def main():
    which, path = sys.argv[1], sys.argv[2]
    if which == "pyrosm":
        from pyrosm import OSM
        start = time.perf_counter()
        data = OSM(path)
        walk = data.get_network(network_type="walking")
        drive = data.get_network(network_type="driving")
        seconds = time.perf_counter() - start
        print(json.dumps({"peer": "pyrosm", "seconds": round(seconds, 2), "walk_edges": len(walk), "drive_edges": len(drive)}))
    else:
        import osmnx as ox
        start = time.perf_counter()
        walk = ox.graph_from_xml(path, bidirectional=True, simplify=True, retain_all=True)
        drive = ox.graph_from_xml(path, bidirectional=False, simplify=True, retain_all=True)
        seconds = time.perf_counter() - start
        print(json.dumps({"peer": "osmnx", "seconds": round(seconds, 2), "walk_edges": walk.number_of_edges(),
                          "drive_edges": drive.number_of_edges()}))


if __name__ == "__main__":
    main()
