import Testing

@testable import VerdictCore

@Suite("Panel ship and community numbers")
struct ScoreTests {
    @Test("No takes means no percentage, shown as a dash with n")
    func noTakes() {
        let score = PanelScore(takes: [])
        #expect(score.shipPercent == nil)
        #expect(score.label == "— · 0 takes")
    }

    @Test("Three of four ship is 75%")
    func threeOfFour() {
        let takes = [
            Fixture.take(.builder, .ship), Fixture.take(.skeptic, .skip),
            Fixture.take(.futurist, .ship), Fixture.take(.buyer, .ship),
        ]
        let score = PanelScore(takes: takes)
        #expect(score.shipPercent == 75)
        #expect(score.label == "75% · 4 takes")
    }

    @Test("An abstaining persona is simply absent: 2 of 3 takes present is 67%")
    func abstentionIsNotATake() {
        let takes = [Fixture.take(.builder, .ship), Fixture.take(.skeptic, .skip), Fixture.take(.buyer, .ship)]
        #expect(PanelScore(takes: takes).shipPercent == 67)
        #expect(PanelScore(takes: takes).takes == 3)
    }

    @Test(
        "Rounding is half up and exact",
        arguments: [
            (1, 8, 13), (1, 3, 33), (2, 3, 67), (1, 2, 50), (0, 5, 0), (5, 5, 100), (1, 200, 1), (1, 201, 0),
        ])
    func rounding(part: Int, whole: Int, expected: Int) {
        #expect(wholePercent(part, of: whole) == expected)
    }

    @Test("Community is a dash until somebody votes")
    func community() {
        #expect(CommunityScore(ship: 0, skip: 0).label == "—")
        #expect(CommunityScore(ship: 0, skip: 0).shipPercent == nil)
        #expect(CommunityScore(ship: 5, skip: 3).label == "63% · 8 votes")
        #expect(CommunityScore(ship: 1, skip: 0).label == "100% · 1 vote")
    }
}
