/// QTPlan: the planning API under the `qtplan` command. One request value in, one result value out, per job:
/// ``Info``, ``Validation``, ``LandUseJob``, ``IndicatorsJob``, ``CoverageJob``, ``IsochroneJob``, ``SiteCheckJob``,
/// ``SiteSuggestJob``, ``ExportJob``, ``MapJob`` and ``ReportJob``. Jobs take a loaded district and the standards
/// as values (``StandardsFiles`` reads them); results are `Sendable` values that present themselves as text
/// (table, JSON, CSV, through QTText) and that the report is assembled from. The CLI parses arguments into a
/// request, calls the job and prints the result; a Swift program, `batch` or a scenario calls the same jobs.
///
/// Errors name request settings, never flags (``QTModel/RequestSetting``): the caller names them
/// (``QTModel/SettingNames``). ``PlanError`` is the layer's own error, with the kind a caller turns into an
/// exit code.
public enum QTPlanVersion {
    /// qtplan's version.
    public static let number = "0.1.0"
}
