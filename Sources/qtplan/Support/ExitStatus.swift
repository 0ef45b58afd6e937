import ArgumentParser
import Foundation
import QTAnalysis
import QTBuild
import QTFormats
import QTGeometry
import QTModel
import QTPlan
import QTProjection
import QTReport
import QTText

/// The exit codes scripts can rely on (BSD sysexits.h).
enum ExitStatus: Int32 {
    /// Success.
    case ok = 0
    /// Usage error: a bad flag or argument (EX_USAGE).
    case usage = 64
    /// Bad input data (EX_DATAERR).
    case dataError = 65
    /// Missing input file (EX_NOINPUT).
    case noInput = 66
    /// An error qtplan did not expect: a bug (EX_SOFTWARE).
    case internalError = 70
    /// Cannot write an output file (EX_CANTCREAT).
    case cannotCreate = 73

    /// The status of a planning error's kind.
    init(_ kind: PlanError.Kind) {
        switch kind {
        case .usage: self = .usage
        case .badData: self = .dataError
        case .missingInput: self = .noInput
        case .cannotWrite: self = .cannotCreate
        }
    }

    /// The exit status of every error the libraries throw: the one mapping of errors to exit codes. Each library
    /// error type is switched over exhaustively, so a new case cannot go unmapped.
    static func of(_ error: Error) -> ExitStatus {
        switch error {
        case let e as PlanError: ExitStatus(e.kind)
        case let e as DistrictError:
            switch e {
            case .missingFile, .unreadable: .noInput
            case .invalidData: .dataError
            }
        case let e as ProjectionError:
            switch e {
            case .unknownCRS: .usage
            case .proj, .coordinate: .dataError
            }
        case let e as GeometryError:
            switch e {
            case .geos, .nonFiniteCoordinate, .parse, .invalidInput: .dataError
            }
        case is GeoJSONError, is JSONSyntaxError: .dataError
        case let e as FormatsError:
            switch e {
            case .missingFile, .unreachable: .noInput
            case .unknownFormat, .unsupported: .usage
            case .cannotWrite: .cannotCreate
            case .invalidData, .gdal: .dataError
            }
        case let e as StandardsError:
            switch e {
            case .missingFile: .noInput
            case .invalid: .dataError
            case .unknownProfile: .usage
            }
        case let e as IndicatorTargetsError:
            switch e {
            case .missingFile: .noInput
            case .invalid: .dataError
            }
        case let e as CoverageError:
            switch e {
            case .missingLayer: .noInput
            case .invalidFeature: .dataError
            case .limit, .invalidRequest: .usage
            }
        case let e as SitingError:
            switch e {
            case .missingFile: .noInput
            case .invalidRules, .invalidSite: .dataError
            case .invalidRequest: .usage
            }
        case let e as LandUseError:
            switch e {
            case .missingLayer: .noInput
            case .invalidFeature: .dataError
            }
        case let e as MapError:
            switch e {
            case .emptyExtent: .dataError
            }
        case let e as BuildError:
            switch e {
            case .missingInput: .noInput
            case .invalidInput: .dataError
            case .invalidRequest: .usage
            }
        case let e as TableError:
            switch e {
            case .missingFile: .noInput
            case .invalid: .dataError
            }
        case let e as ScenarioError:
            switch e {
            case .missingFile: .noInput
            case .invalidPlan: .dataError
            case .conflictingPlans: .usage
            }
        default: .internalError
        }
    }
}

/// Prints diagnostics to stderr.
enum Diagnostics {
    static func error(_ message: String) { write("qtplan: error: \(message)\n") }
    static func warning(_ message: String) { write("qtplan: warning: \(message)\n") }
    /// What a command did besides its printed result (such as where it wrote results), for people.
    static func note(_ message: String) { write("qtplan: \(message)\n") }
    /// One line: the message's control characters made visible (``QTText/TerminalText``), so a name in it can
    /// neither act on the terminal nor start a line of its own.
    private static func write(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escape(String(text.dropLast())) + "\n").utf8))
    }
}

/// The one wrapper around every command's body: an error becomes one line on stderr, its settings named by
/// their flags, and the documented exit code. No error exits 1 (kept for "a siting rule failed"), none prints a
/// stack trace.
enum CommandBody {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let message = (error as? SettingNamingError)?.message(.commandLine) ?? "\(error)"
            let status = ExitStatus.of(error)
            Diagnostics.error(status == .internalError ? "internal error (please report it): \(message)" : message)
            throw ExitCode(status.rawValue)
        }
    }
}
