import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// A clock both test servers read, moved by the test.
final class MovableClock: Sendable {
    private let date = NIOLockedValueBox(TestApp.pinned)
    var clock: AppClock { AppClock { [date] in date.withLockedValue { $0 } } }
    func set(_ new: Date) { date.withLockedValue { $0 = new } }
}

/// Two app servers on one database (one SQLite file, or one PostgreSQL schema), sharing a
/// clock and a recording mail transport, each with a digest scheduler for `schedule`.
struct TwoServers {
    static let schedule = DigestSchedule("fri 16:00")!
    let first: Application
    let second: Application
    let clock: MovableClock
    let transport: RecordingTransport

    var schedulers: [DigestScheduler] { [first, second].map { DigestScheduler(app: $0, schedule: Self.schedule) } }

    static func run(_ body: (TwoServers) async throws -> Void) async throws {
        _ = TestLogging.bootstrapped
        let db = TestDatabase()
        let servers = TwoServers(
            first: try await Application.make(.testing), second: try await Application.make(.testing), clock: MovableClock(),
            transport: RecordingTransport())
        var failure: (any Error)?
        do {
            for (seed, app) in [(11, servers.first), (12, servers.second)] {
                var settings = Settings(database: db.choice, secret: TestApp.secret, seedDemo: false)
                settings.postgresPoolPerEventLoop = 1
                settings.databasePoolWaitSeconds = 120
                settings.digestSchedule = schedule
                try await configure(app, settings: settings)
                app.dependencies.clock = servers.clock.clock
                // Each server its own random source, as two processes would have.
                app.dependencies.random = .seeded(UInt64(seed))
                app.dependencies.mailTransport = servers.transport
            }
            try await db.create(on: servers.first)
            try await servers.first.prepareDatabase()
            try await servers.second.prepareDatabase()
            try await body(servers)
        } catch {
            failure = error
        }
        try? await db.drop(on: servers.first)
        try await servers.first.asyncShutdown()
        try await servers.second.asyncShutdown()
        db.removeFiles()
        if let failure { throw failure }
    }

    /// Three confirmed subscribers and one who never confirmed; some tools to write about.
    func seed() async throws {
        _ = try await first.importYAML(Catalogs.two)
        for (email, state) in [
            ("a@example.com", "confirmed"), ("b@example.com", "confirmed"), ("c@example.com", "confirmed"),
            ("pending@example.com", "pending"),
        ] {
            let subscriber = SubscriberModel(email: email)
            subscriber.stateRaw = state
            try await subscriber.create(on: first.db)
        }
    }

    /// Both schedulers tick at the same moment.
    func tickBoth() async throws -> [(week: ISOWeek, outcome: WeeklyDigest.SendOutcome)?] {
        let (a, b) = (schedulers[0], schedulers[1])
        async let x = a.tick()
        async let y = b.tick()
        return try await [x, y]
    }

    /// How many digests each address got.
    var digestsPerAddress: [String: Int] {
        transport.envelopes.reduce(into: [:]) { counts, envelope in counts[envelope.to, default: 0] += 1 }
    }

    func issues() async throws -> [NewsletterIssueModel] {
        try await NewsletterIssueModel.query(on: first.db).sort(\.$week).all()
    }
}

@Suite("Digest scheduler: one issue a week however many servers run it")
struct DigestSchedulerTests {
    static let w46 = ISOWeek("2026-W46")!
    static let w47 = ISOWeek("2026-W47")!
    static let everyone = ["a@example.com", "b@example.com", "c@example.com"]

    @Test("VERDICT_DIGEST_SCHEDULE is off by default, and a malformed value stops start-up with one line")
    func setting() throws {
        #expect(try Settings.load(environment: [:]).digestSchedule == nil)
        #expect(try Settings.load(environment: ["VERDICT_DIGEST_SCHEDULE": "off"]).digestSchedule == nil)
        #expect(
            try Settings.load(environment: ["VERDICT_DIGEST_SCHEDULE": "Mon 09:00"]).digestSchedule
                == DigestSchedule(weekday: 1, hour: 9, minute: 0))
        for bad in ["monday 09:00", "mon 9:00", "mon 24:00", "mon 09:60", "mon  09:00", "mon", "09:00", "on", "mon 09:00 UTC"] {
            let error = try #require(throws: SettingsError.self) { try Settings.load(environment: ["VERDICT_DIGEST_SCHEDULE": bad]) }
            #expect(error.description.hasPrefix("VERDICT_DIGEST_SCHEDULE="), "\(error)")
            #expect(!error.description.contains("\n"))
        }
        // Friday 16:00 UTC of 2026-W46 is 13 November 2026.
        #expect(TwoServers.schedule.sendTime(in: Self.w46) == Date(timeIntervalSince1970: 1_794_585_600))
    }

    @Test("Of twenty claims racing from two servers exactly one gets the lease; it is free again once released")
    func leaseHasOneWinner() async throws {
        try await TwoServers.run { servers in
            // MUT
            let until = TestApp.pinned.addingTimeInterval(300)
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<20 {
                    let db = (i.isMultiple(of: 2) ? servers.first : servers.second).db
                    group.addTask {
                        try await SchedulerLeaseModel.claim("race", holder: "h\(i)", now: TestApp.pinned, until: until, on: db)
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            // validate
            #expect(wins == 1)
            let holder = try #require(try await SchedulerLeaseModel.current("race", on: servers.first.db)).holder
            #expect(try await SchedulerLeaseModel.claim("race", holder: holder, now: TestApp.pinned, until: until, on: servers.second.db))
            #expect(
                !(try await SchedulerLeaseModel.claim("race", holder: "late", now: TestApp.pinned, until: until, on: servers.second.db)))
            try await SchedulerLeaseModel.release("race", holder: holder, now: TestApp.pinned, on: servers.first.db)
            #expect(try await SchedulerLeaseModel.claim("race", holder: "late", now: TestApp.pinned, until: until, on: servers.second.db))
        }
    }

    @Test("Before the week's send time neither server sends anything")
    func beforeSendTime() async throws {
        try await TwoServers.run { servers in
            // setup
            try await servers.seed()
            servers.clock.set(TwoServers.schedule.sendTime(in: Self.w46).addingTimeInterval(-60))
            // MUT
            let outcomes = try await servers.tickBoth()
            // validate
            #expect(outcomes.allSatisfy { $0 == nil })
            #expect(try await servers.issues().isEmpty)
            #expect(servers.transport.envelopes.isEmpty)
        }
    }

    @Test("Two servers ticking at once after the send time make one issue and mail each confirmed subscriber once")
    func onceAcrossServers() async throws {
        try await TwoServers.run { servers in
            // setup
            try await servers.seed()
            // MUT: TestApp.pinned is Sunday of 2026-W46, after Friday 16:00.
            let outcomes = try await servers.tickBoth()
            // validate
            let ran = outcomes.compactMap { result -> Sender.Report? in
                if case .ran(let report)? = result?.outcome { report } else { nil }
            }
            #expect(ran.count == 1, "\(outcomes)")
            #expect(ran.first?.sent == 3)
            #expect(outcomes.allSatisfy { $0?.week == Self.w46 })
            let issues = try await servers.issues()
            #expect(issues.map(\.week) == ["2026-W46"])
            #expect(issues.first?.sentAt == TestApp.pinned)
            #expect(servers.digestsPerAddress == Dictionary(uniqueKeysWithValues: Self.everyone.map { ($0, 1) }))

            // Later ticks, and the operator's commands, do not send the week again.
            for result in try await servers.tickBoth() {
                #expect(result?.outcome == .alreadySent(TestApp.pinned))
            }
            try await servers.second.runCommand(["newsletter", "send", "--week", "2026-W46"])
            await #expect(throws: CommandFailed.self) {
                try await servers.second.runCommand(["newsletter", "compose", "--week", "2026-W46"])
            }
            #expect(servers.transport.envelopes.count == 3)
        }
    }

    @Test("The week after, the issue of that week goes out once more, once")
    func nextWeek() async throws {
        try await TwoServers.run { servers in
            // setup
            try await servers.seed()
            _ = try await servers.tickBoth()
            #expect(servers.transport.envelopes.count == 3)
            servers.clock.set(TwoServers.schedule.sendTime(in: Self.w47).addingTimeInterval(-1))
            #expect(try await servers.tickBoth().allSatisfy { $0 == nil })
            // MUT
            servers.clock.set(TwoServers.schedule.sendTime(in: Self.w47).addingTimeInterval(30))
            let outcomes = try await servers.tickBoth()
            // validate
            #expect(outcomes.allSatisfy { $0?.week == Self.w47 })
            #expect(try await servers.issues().map(\.week) == ["2026-W46", "2026-W47"])
            #expect(servers.digestsPerAddress == Dictionary(uniqueKeysWithValues: Self.everyone.map { ($0, 2) }))
        }
    }

    @Test("A send whose server died is resumed by another once the lease runs out, mailing only who is still pending")
    func resumesADeadServersSend() async throws {
        try await TwoServers.run { servers in
            // setup: the dead server composed, queued every delivery, mailed one, and held the lease.
            try await servers.seed()
            let db = servers.first.db
            let issue = try await Composer.compose(week: Self.w46, app: servers.first, actor: Audit.newsletterJob)
            let ids = try await SubscriberModel.confirmedIDs(after: nil, limit: 10, on: db)
            try await DeliveryModel.enqueue(issue: issue.id!, subscribers: ids, now: TestApp.pinned, on: db)
            let mailed = try #require(try await DeliveryModel.pendingBatch(issue: issue.id!, excluding: [], limit: 1, on: db).first)
            try await DeliveryModel.mark(mailed, state: "sent", error: nil, on: db)
            let until = TestApp.pinned.addingTimeInterval(300)
            #expect(try await SchedulerLeaseModel.claim(WeeklyDigest.leaseName, holder: "dead", now: TestApp.pinned, until: until, on: db))
            // MUT / validate: while the lease runs nobody sends; after it, one server resumes.
            for result in try await servers.tickBoth() {
                #expect(result?.outcome == .busy(.init(holder: "dead", until: until)))
            }
            #expect(servers.transport.envelopes.isEmpty)
            servers.clock.set(until)
            let outcomes = try await servers.tickBoth()
            #expect(outcomes.filter { if case .ran = $0?.outcome { true } else { false } }.count == 1, "\(outcomes)")
            let rest = Set(Self.everyone).subtracting([mailed.subscriber.email])
            #expect(servers.digestsPerAddress == Dictionary(uniqueKeysWithValues: rest.map { ($0, 1) }))
            let resent = try #require(try await NewsletterIssueModel.find(week: "2026-W46", on: db))
            #expect(resent.sentAt == until)
            // Composed once: the resumed send kept the issue its first subscriber got.
            let composed = try await AuditEntryModel.newest(
                actor: nil, actionPrefix: "newsletter.composed", subjectPrefix: nil, before: nil, limit: 10, on: db)
            #expect(composed.count == 1)
        }
    }
}
