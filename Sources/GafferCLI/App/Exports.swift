// An app's `main.swift` and its job types need only `import GafferCLI`.
@_exported import GafferCore
@_exported import GafferEngine
