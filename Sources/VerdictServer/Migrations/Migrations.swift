import Fluent

/// Every migration, in order. Add new ones at the end; never reorder.
enum Migrations {
    static let all: [any AsyncMigration] = [
        CreateTools(),
        CreateTakes(),
        CreateVotes(),
        CreateSettings(),
        CreateVoters(),
        CreatePairVotes(),
        CreatePanelJobs(),
        AddTakeProvenance(),
        CreateNewsletter(),
        CreateAccounts(),
        CreateEditorialControls(),
        AddTokenExpiry(),
        AddConfirmationThrottle(),
        CreateChangeEvents(),
        AddToolRanking(),
        CreateSchedulerLeases(),
        CreateLimitCounters(),
        CreateCategories(),
        CreateIntake(),
        AddBuyersRead(),
        AddRubricStanding(),
        CreateSearch(),
        CreateVoteTallies(),
    ]
}
