/// The social networks the demo's simulated APIs stand in for.
public enum Platform: String, Sendable, CaseIterable {
    case instagram
    case tiktok
}
