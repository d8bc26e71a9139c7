import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Read from a replica, the header says how far behind it is; far behind, or not a standby at all, it warns.
@Suite struct ReplicaHeaderTests {
    static func header(_ lag: ReplicaLag?, width: Int = 120) -> String {
        var s = Fixtures.snapshot
        s.replica = lag
        let screen = ScreenText.screen(s, size: Size(width: width, height: 40))
        return String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test(arguments: ScreenText.sizes)
    func theLagShowsInTheHeader(size: Size) {
        var s = Fixtures.snapshot
        s.replica = ReplicaLag(isStandby: true, seconds: 1.5, bytes: 12_345)
        let header = String(ScreenText.screen(s, size: size).split(separator: "\n").first ?? "")
        SnapshotFile.check(header, named: ScreenText.name("header-replica-lag", size))
        #expect(header.contains("replica 1.5s/12kB · "), "\(header)")
    }

    @Test func caughtUpReadsZeroAndThePrimaryShowsNothing() {
        #expect(Self.header(ReplicaLag(isStandby: true, seconds: 0, bytes: 0)).contains("replica 0s · "))
        #expect(Self.header(ReplicaLag(isStandby: true, seconds: 4, bytes: -80)).contains("replica 0s · "))
        #expect(!Self.header(nil).contains("replica"))
    }

    @Test func farBehindOrNotAStandbyIsABanner() {
        let behind = Self.header(ReplicaLag(isStandby: true, seconds: 95, bytes: 3_400_000))
        #expect(behind.contains("REPLICA 1m35s BEHIND") && behind.contains("replica 1m35s/3.4MB"), "\(behind)")
        #expect(!Self.header(ReplicaLag(isStandby: true, seconds: 29, bytes: 10)).contains("BEHIND"))
        let primary = Self.header(ReplicaLag(isStandby: false, seconds: 0, bytes: 0))
        #expect(primary.contains("REPLICA IS NOT A STANDBY") && !primary.contains("replica 0s"), "\(primary)")
    }

    @Test func walAmountsAreShort() {
        #expect(Format.bytes(0) == "0B")
        #expect(Format.bytes(999) == "999B")
        #expect(Format.bytes(1_000) == "1.0kB")
        #expect(Format.bytes(12_345) == "12kB")
        #expect(Format.bytes(3_400_000) == "3.4MB")
        #expect(Format.bytes(250_000_000_000) == "250GB")
    }
}
