extension Duration {
    /// The duration in seconds, for APIs that take a `TimeInterval`-style `Double`.
    package var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
