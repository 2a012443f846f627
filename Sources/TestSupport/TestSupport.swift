import Foundation

/// Helpers shared by the test targets: synthetic signals, fixture files, database factories.
public enum TestSupport {}
