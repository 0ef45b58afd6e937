import ArgumentParser
import Foundation
import QTBuild
import QTFormats
import QTGeometry
import QTModel
import QTProjection

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
    /// Cannot write an output file (EX_CANTCREAT).
    case cannotCreate = 73
}

/// A failure the CLI reports as one line on stderr with its exit status.
struct CLIFailure: Error {
    var status: ExitStatus
    var message: String
}

/// Prints diagnostics to stderr.
enum Diagnostics {
    static func error(_ message: String) { write("qtplan: error: \(message)\n") }
    static func warning(_ message: String) { write("qtplan: warning: \(message)\n") }
    private static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Runs a command body, turning every library error into one line on stderr and the documented exit code.
/// No error path exits 1, and none prints a stack trace.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CLIFailure {
        Diagnostics.error(failure.message)
        throw ExitCode(failure.status.rawValue)
    } catch let error as DistrictError {
        Diagnostics.error(error.description)
        switch error {
        case .missingFile, .unreadable: throw ExitCode(ExitStatus.noInput.rawValue)
        case .invalidData: throw ExitCode(ExitStatus.dataError.rawValue)
        }
    } catch let error as ProjectionError {
        Diagnostics.error(error.description)
        if case .unknownCRS = error { throw ExitCode(ExitStatus.usage.rawValue) }
        throw ExitCode(ExitStatus.dataError.rawValue)
    } catch let error as GeometryError {
        Diagnostics.error(error.description)
        throw ExitCode(ExitStatus.dataError.rawValue)
    } catch let error as BuildError {
        Diagnostics.error(error.description)
        switch error {
        case .missingInput: throw ExitCode(ExitStatus.noInput.rawValue)
        case .invalidInput: throw ExitCode(ExitStatus.dataError.rawValue)
        case .invalidRequest: throw ExitCode(ExitStatus.usage.rawValue)
        }
    } catch let error as TableError {
        Diagnostics.error(error.description)
        if case .missingFile = error { throw ExitCode(ExitStatus.noInput.rawValue) }
        throw ExitCode(ExitStatus.dataError.rawValue)
    } catch let error as FormatsError {
        Diagnostics.error(error.description)
        switch error {
        case .missingFile: throw ExitCode(ExitStatus.noInput.rawValue)
        case .unknownFormat, .unsupported: throw ExitCode(ExitStatus.usage.rawValue)
        case .cannotWrite: throw ExitCode(ExitStatus.cannotCreate.rawValue)
        case .invalidData, .gdal: throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }
}
