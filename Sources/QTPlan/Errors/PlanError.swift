import QTModel

/// A request the planning layer refuses, or an input or output it cannot use, with what kind of problem it is
/// (the CLI's exit code) and a message that may name request settings (``QTModel/SettingText``).
public struct PlanError: SettingNamingError, Sendable, Equatable {
    /// What kind of problem it is.
    public enum Kind: Sendable, Equatable {
        /// The request itself is wrong: an unknown type, a limit exceeded (exit 64).
        case usage
        /// An input's content is wrong (exit 65).
        case badData
        /// An input does not exist (exit 66).
        case missingInput
        /// An output cannot be written (exit 73).
        case cannotWrite
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// The message, one line.
    public var text: SettingText

    /// An error of `kind` with `text`.
    public init(_ kind: Kind, _ text: SettingText) {
        self.kind = kind
        self.text = text
    }

    /// An error of `kind` with plain text (no setting named).
    @_disfavoredOverload
    public init(_ kind: Kind, _ text: String) {
        self.init(kind, SettingText(text))
    }

    /// The message with settings named by `names`.
    public func message(_ names: SettingNames) -> String { text.rendered(names) }
}
