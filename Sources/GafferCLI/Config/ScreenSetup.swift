import GafferRuntime
import GafferUI

/// Everything the operator chose for the screen, from flags over the config file over defaults,
/// resolved before anything starts so a bad setting fails first and changes nothing.
struct ScreenSetup {
    var look: ThemeChoice.Look
    var settings: ScreenSettings
    /// Seconds between refreshes.
    var interval: Double

    static func resolve(_ screen: ScreenOptions, _ alerts: AlertOptions, _ config: ConfigOptions,
                        interval: Double? = nil) throws(CLIError) -> ScreenSetup {
        let file = try config.load()
        let keys: KeyTable
        do { keys = try file.keyTable() } catch { throw ConfigFile.problem(file.path ?? "config", error) }
        return ScreenSetup(
            look: try screen.look(file: file),
            settings: ScreenSettings(alerts: try alerts.thresholds(file: file), bell: screen.bell ?? file.bell ?? false, keys: keys),
            interval: interval ?? file.interval ?? 1)
    }
}
