import ArgumentParser
import QTModel
import QTText

extension Language: ExpressibleByArgument {}

/// `--lang zh|en`: the language of tables, the report and map legends. JSON and CSV outputs and written
/// attribute tables are never translated.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The language of tables, the report and map legends: zh or en (default: the district manifest's lang, else en).", valueName: "LANG"))
    var lang: Language?

    /// The language asked for, else the district's (`lang` in its manifest), else English.
    func language(for district: District) -> Language {
        lang ?? district.manifest.lang ?? .en
    }
}
