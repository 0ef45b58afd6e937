/// A setting of a request that a message can point to as the remedy ("raise the limit", "give the minutes").
///
/// The library names no command-line flag: its messages carry the setting, and whoever shows the message names
/// it in the caller's terms (the CLI as `--max-minutes`, a Swift caller as the request's property) through
/// ``SettingNames``.
public enum RequestSetting: String, Sendable, CaseIterable {
    /// The largest layer file read, in bytes.
    case maximumLayerBytes
    /// The most vertices of one feature read.
    case maximumVertices
    /// Layer files must resolve inside the district folder.
    case confine
    /// The longest travel time accepted, in minutes.
    case maximumMinutes
    /// Thresholds in minutes instead of the profile's circles.
    case minutes
    /// The measuring mode (radius, walk, drive).
    case mode
    /// A straight-line distance instead of the circle's.
    case distance
    /// What a walking threshold measures (distance or time).
    case measure
    /// The facility types asked for.
    case types
    /// The spacing of site-suggest's candidate grid.
    case candidateGrid
    /// The CRS of positions given without one.
    case inputCRS
    /// The CRS an export is written in.
    case outputCRS
    /// The format of a folder's files.
    case format
    /// The layers asked for.
    case layers
    /// A command's output file.
    case output
    /// The service areas' file.
    case areas
    /// The gaps' file.
    case gaps
    /// The problems' file of a validation.
    case problems
    /// The service whose gaps a report maps.
    case mapType
    /// Permission to overwrite a district's own input files.
    case overwriteInputs
    /// A facility (or transit stop) named by its id.
    case facility
    /// The database schema tabular results are written to.
    case results
}

/// The names a caller gives to ``RequestSetting``s in messages.
public struct SettingNames: Sendable, Hashable {
    private var names: [RequestSetting: String]

    /// Names for the settings; a setting without one is named by its Swift property (`maximumMinutes`).
    public init(_ names: [RequestSetting: String] = [:]) { self.names = names }

    /// The library's own names: the request properties.
    public static let library = SettingNames()

    /// The name of `setting`.
    public func callAsFunction(_ setting: RequestSetting) -> String { names[setting] ?? setting.rawValue }
}

/// Message text that may name request settings, rendered with the caller's ``SettingNames``:
/// `"\(setting: .maximumMinutes), at most 1440"` reads `--max-minutes, at most 1440` in the CLI.
public struct SettingText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    fileprivate enum Piece: Sendable, Hashable {
        case text(String)
        case setting(RequestSetting)
    }

    private var pieces: [Piece]

    /// Plain text.
    public init(_ text: String) { pieces = text.isEmpty ? [] : [.text(text)] }

    /// Plain text.
    public init(stringLiteral value: String) { self.init(value) }

    /// Text with interpolated values and settings.
    public init(stringInterpolation: Interpolation) { pieces = stringInterpolation.pieces }

    /// The text with each setting named by `names`.
    public func rendered(_ names: SettingNames) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let t): t
            case .setting(let s): names(s)
            }
        }.joined()
    }

    /// The text with the library's names.
    public var description: String { rendered(.library) }

    /// `self` followed by `other`.
    public static func + (lhs: SettingText, rhs: SettingText) -> SettingText {
        var joined = Interpolation(literalCapacity: 0, interpolationCount: 0)
        for piece in lhs.pieces + rhs.pieces { joined.append(piece) }
        return SettingText(stringInterpolation: joined)
    }

    /// Builds a ``SettingText`` from a string interpolation.
    public struct Interpolation: StringInterpolationProtocol {
        fileprivate var pieces: [Piece] = []

        /// Space for the literal parts.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// A literal part.
        public mutating func appendLiteral(_ literal: String) { append(text: literal) }

        /// A setting, named when rendered.
        public mutating func appendInterpolation(setting: RequestSetting) { pieces.append(.setting(setting)) }

        /// Another setting text.
        public mutating func appendInterpolation(_ text: SettingText) { for piece in text.pieces { append(piece) } }

        /// Any other value, as Swift describes it.
        public mutating func appendInterpolation<T>(_ value: T) { append(text: "\(value)") }

        /// Text joins the text before it, so that equal texts are equal pieces however they were built.
        fileprivate mutating func append(text: String) {
            guard !text.isEmpty else { return }
            if case .text(let before)? = pieces.last { pieces[pieces.count - 1] = .text(before + text) } else { pieces.append(.text(text)) }
        }

        fileprivate mutating func append(_ piece: Piece) {
            if case .text(let t) = piece { append(text: t) } else { pieces.append(piece) }
        }
    }
}

/// An error whose message may name request settings (see ``SettingText``).
public protocol SettingNamingError: Error, CustomStringConvertible {
    /// The message with settings named by `names`.
    func message(_ names: SettingNames) -> String
}

extension SettingNamingError {
    /// The message with the library's names.
    public var description: String { message(.library) }
}
