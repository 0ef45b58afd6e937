// Swift half of the buffer+union benchmark (the C half is tools/bench/buffer_union.c; the driver is
// tools/bench/buffer-union.sh).
//
// Work, timed with ContinuousClock and repeated --repeat N times in one process (default 1), all through
// QTGeometry's public API: for each of 2,000 fixed points makePoint(x:y:) and buffer(1000, style:) with
// 8 quadrant segments, round cap and join (the point is released right after); union(taking:) over the
// buffers, which moves them into a GeometryCollection as the C half does, then GEOSUnaryUnion_r; area(); and releasing everything (deinit ->
// GEOSGeom_destroy_r) before the clock stops. Not timed: creating the GeometryContext and the coordinates.
//
// Points: the same splitmix64 generator as the C half (seed 20261123, u = (next >> 11) * 2^-53,
// x = 500000 + u*30000 then y = 3340000 + u*20000), so both build identical geometry.
//
// Output, one line: "swift <ms> <area>", ms = mean wall time of one repetition, area with %.3f.
import Foundation
import QTGeometry

let pointCount = 2_000
let seed: UInt64 = 20_261_123

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// One repetition of the measured work; returns the area of the union. Every geometry made here is
/// released before the function returns.
@inline(never)
func work(_ context: GeometryContext, _ xs: [Double], _ ys: [Double]) throws -> Double {
    let style = BufferStyle(quadrantSegments: 8, cap: .round, join: .round)
    var buffers: [NativeGeometry] = []
    buffers.reserveCapacity(xs.count)
    for i in 0..<xs.count {
        let point = try context.makePoint(x: xs[i], y: ys[i])
        buffers.append(try point.buffer(1000, style: style))
    }
    let merged = try context.union(taking: &buffers)  // the buffers are not needed again: no copies
    return try merged.area()
}

func main() -> Int32 {
    var repeatCount = 1
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        if arg == "--repeat", let value = args.popFirst(), let n = Int(value), n >= 1 {
            repeatCount = n
        } else {
            FileHandle.standardError.write(Data("usage: bench-buffer-union [--repeat N]\n".utf8))
            return 2
        }
    }

    var rng = SplitMix64(state: seed)
    var xs: [Double] = [], ys: [Double] = []
    xs.reserveCapacity(pointCount)
    ys.reserveCapacity(pointCount)
    for _ in 0..<pointCount {
        xs.append(500_000 + rng.unit() * 30_000)
        ys.append(3_340_000 + rng.unit() * 20_000)
    }

    do {
        let context = try GeometryContext()
        var area = 0.0
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<repeatCount { area = try work(context, xs, ys) }
        let elapsed = start.duration(to: clock.now)
        let ms = (Double(elapsed.components.seconds) * 1e3
            + Double(elapsed.components.attoseconds) / 1e15) / Double(repeatCount)
        print(String(format: "swift %.3f %.3f", ms, area))
        return 0
    } catch {
        FileHandle.standardError.write(Data("bench-buffer-union: \(error)\n".utf8))
        return 1
    }
}

exit(main())
