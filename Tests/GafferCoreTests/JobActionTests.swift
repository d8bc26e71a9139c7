import GafferCore
import Testing

@Suite struct JobActionTests {
    @Test func actionsOfferedPerState() {
        func offered(_ state: JobState) -> [JobAction] {
            JobAction.allCases.filter { $0.allowedStates.contains(state) }
        }
        #expect(offered(.scheduled) == [.discard, .reschedule])
        #expect(offered(.retried) == [.discard, .reschedule])
        #expect(offered(.queued) == [.discard, .reschedule])
        #expect(offered(.running) == [.forceDiscard])
        #expect(offered(.succeeded) == [.destroy])
        #expect(offered(.discarded) == [.retry, .destroy])
    }
}
