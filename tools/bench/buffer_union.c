/*
 * C half of the buffer+union benchmark (the Swift half is tools/bench/swift/main.swift; the driver is
 * tools/bench/buffer-union.sh).
 *
 * Work, timed with CLOCK_MONOTONIC and repeated --repeat N times in one process (default 1):
 *   for each of 2,000 fixed points: GEOSGeom_createPointFromXY_r, GEOSBufferWithStyle_r(1000 m, 8 quadrant
 *   segments, round cap, round join, mitre 5), destroy the point; GEOSGeom_createCollection_r (a
 *   GeometryCollection that takes the buffers); GEOSUnaryUnion_r; GEOSArea_r; destroy everything.
 * Not timed: GEOS_init_r / GEOS_finish_r and generating the coordinates.
 *
 * Points: splitmix64 seeded with 20261123, u = (next >> 11) * 2^-53 in [0,1), x = 500000 + u*30000 then
 * y = 3340000 + u*20000 (a 30 x 20 km box in EPSG:4549-like metres). The Swift half uses the same generator.
 *
 * Output, one line: "c <ms> <area>", ms = mean wall time of one repetition, area with %.3f.
 *
 * Build: cc -O2 buffer_union.c -o build/buffer_union $(pkg-config --cflags --libs geos)
 */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { POINT_COUNT = 2000 };
static const uint64_t SEED = 20261123u;

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double unit(uint64_t *state) { return (double)(splitmix64(state) >> 11) * 0x1.0p-53; }

static void on_error(const char *message, void *userdata) {
    (void)userdata;
    fprintf(stderr, "GEOS error: %s\n", message);
}

static void die(const char *what) {
    fprintf(stderr, "buffer_union: %s failed\n", what);
    exit(1);
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One repetition of the measured work; returns the area of the union. */
static double work(GEOSContextHandle_t ctx, const double *xs, const double *ys) {
    GEOSGeometry *buffers[POINT_COUNT];
    for (int i = 0; i < POINT_COUNT; i++) {
        GEOSGeometry *p = GEOSGeom_createPointFromXY_r(ctx, xs[i], ys[i]);
        if (!p) die("GEOSGeom_createPointFromXY_r");
        buffers[i] = GEOSBufferWithStyle_r(ctx, p, 1000.0, 8, GEOSBUF_CAP_ROUND, GEOSBUF_JOIN_ROUND, 5.0);
        if (!buffers[i]) die("GEOSBufferWithStyle_r");
        GEOSGeom_destroy_r(ctx, p);
    }
    /* The collection takes ownership of the buffers (not of the array). */
    GEOSGeometry *collection = GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, buffers, POINT_COUNT);
    if (!collection) die("GEOSGeom_createCollection_r");
    GEOSGeometry *merged = GEOSUnaryUnion_r(ctx, collection);
    if (!merged) die("GEOSUnaryUnion_r");
    double area = 0;
    if (!GEOSArea_r(ctx, merged, &area)) die("GEOSArea_r");
    GEOSGeom_destroy_r(ctx, merged);
    GEOSGeom_destroy_r(ctx, collection);
    return area;
}

int main(int argc, char **argv) {
    long repeat = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            char *end = NULL;
            repeat = strtol(argv[++i], &end, 10);
            if (*end != '\0' || repeat < 1) {
                fprintf(stderr, "buffer_union: --repeat needs a positive integer\n");
                return 2;
            }
        } else {
            fprintf(stderr, "usage: %s [--repeat N]\n", argv[0]);
            return 2;
        }
    }

    static double xs[POINT_COUNT], ys[POINT_COUNT];
    uint64_t state = SEED;
    for (int i = 0; i < POINT_COUNT; i++) {
        xs[i] = 500000.0 + unit(&state) * 30000.0;
        ys[i] = 3340000.0 + unit(&state) * 20000.0;
    }

    GEOSContextHandle_t ctx = GEOS_init_r();
    if (!ctx) die("GEOS_init_r");
    GEOSContext_setErrorMessageHandler_r(ctx, on_error, NULL);

    double area = 0;
    double start = now_ms();
    for (long r = 0; r < repeat; r++) area = work(ctx, xs, ys);
    double elapsed = now_ms() - start;

    GEOS_finish_r(ctx);
    printf("c %.3f %.3f\n", elapsed / (double)repeat, area);
    return 0;
}
