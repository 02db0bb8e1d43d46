import Plot
import VerdictCore

extension Methodology.View {
    func abuseResistance() -> Body {
        let limits = model.limits
        let defaults = VoteLimits()
        return section(
            Methodology.abuseID,
            para(
                "Votes are anonymous, so Verdict limits what one network can do rather than what one person can do. The numbers below are this server's configuration."
            ),
            .dl(
                .class("method-limits"),
                limit(
                    "Votes per network per minute", grouped(limits.votesPerNetworkPerMinute),
                    env: "VERDICT_VOTES_PER_NETWORK_PER_MINUTE", default: grouped(defaults.votesPerNetworkPerMinute),
                    "Ship/skip votes and head-to-head picks together, per clock minute, counted in the database so the limit holds across app servers. A vote beyond the limit is refused (429) with the number of seconds to wait."
                ),
                limit(
                    "New voters per network per hour", grouped(limits.newVotersPerNetworkPerHour),
                    env: "VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR", default: grouped(defaults.newVotersPerNetworkPerHour),
                    newVoterText(limits.newVotersPerNetworkPerHour)),
                limit(
                    "Trusted proxies", trustedText(limits.trustedProxies.count),
                    env: "VERDICT_TRUSTED_PROXIES", default: "none",
                    "Comma-separated CIDR ranges. X-Forwarded-For is believed only from a trusted proxy, and then its rightmost address that is not itself a trusted proxy is the client. Without trusted proxies the client is the connecting address."
                )
            ),
            .p(
                .strong(.text("Network. ")),
                .text(
                    "A network is the /24 of an IPv4 address or the /64 of an IPv6 address: one household, office or cloud subnet. It is stored only as an HMAC-SHA256 of the network and the UTC day under the server's secret, so the salt rotates daily: enough to count votes per network, useless for recovering the address. The raw IP address is never stored."
                ))
        )
    }

    func limit(
        _ name: String, _ value: String, env: String, default fallback: String, _ text: String
    ) -> Node<HTML.DescriptionListContext> {
        .div(
            .class("method-limit"),
            .dt(.text(name)),
            .dd(.class("method-limit-value"), .text(value)),
            .dd(.text(text)),
            .dd(.class("method-limit-env"), .text("Set with "), .code(.text(env)), .text("; default \(fallback)."))
        )
    }

    /// 100000 → "100,000".
    func grouped(_ n: Int) -> String { ToolShow.FactRow.grouped(n) }

    func newVoterText(_ cap: Int) -> String {
        let first =
            cap == 1
            ? "The first voter id a network creates in an hour counts"
            : "The first \(grouped(cap)) voter ids a network creates in an hour count"
        let rule =
            cap == 0
            ? "Every new voter id is discounted: it can vote, and its votes are stored, but with no weight."
            : first + "; voters created beyond that can still vote, and their votes are stored, but with no weight."
        return rule
            + " Those votes are left out of every number and shown publicly as “discounted”. The cap is counted in the database, so it holds across app servers."
    }

    func trustedText(_ count: Int) -> String {
        switch count {
        case 0: "None"
        case 1: "1 range"
        default: "\(count) ranges"
        }
    }

    func durability() -> Body {
        section(
            "durability",
            para(
                "On SQLite the database runs in WAL mode with synchronous=FULL, so a commit is on disk before it is acknowledged. Ship/skip votes are group-committed: votes that arrive while a transaction is committing go together in the next one, and each voter is answered only after the transaction holding their vote has committed. A head-to-head pick is committed on its own before it is acknowledged."
            ),
            para(
                "So a process crash or a power loss loses no acknowledged vote. On PostgreSQL, commits are durable by default (synchronous_commit is on)."
            )
        )
    }
}
