import Fluent
import Foundation
import Vapor
import VerdictCore

/// Editors verify or dispute a tool's claims on the desk. A check changes what the panel is
/// shown (the facts hash covers it), so in the same transaction the rubric re-runs, the ranking
/// and the timeline record the move, model personas are queued, and the change is audited.
enum ClaimDesk {
    struct Failure: AbortError {
        var status: HTTPResponseStatus
        var reason: String
    }

    struct Input: Content {
        /// The claim's position in the tool's `facts.claims`, from 0.
        var claim: Int
        var status: String
        var method: String?
        var evidence_url: String?
        var note: String?
    }

    static func check(slug: String, _ input: Input, checkedBy: String, actor: String, app: Application) async throws -> ToolModel {
        let now = app.dependencies.clock.now()
        let backend = app.panel.config.defaultBackend?.name
        let (model, reweighed) = try await app.db.writeTransaction { tx in
            guard let model = try await ToolModel.findLocked(slug: slug, on: tx), let id = model.id else {
                throw ToolEditing.Failure.notFound(slug)
            }
            var tool = model.tool
            let claims = tool.facts.claims ?? []
            guard claims.indices.contains(input.claim) else {
                throw Failure(status: .badRequest, reason: "\(tool.name) has no claim number \(input.claim + 1) (it has \(claims.count)).")
            }
            let claim = claims[input.claim]
            let check: ClaimCheck?
            do throws(ClaimCheckProblem) {
                check = try ClaimCheck.validated(
                    claim: claim, status: input.status, checkedBy: checkedBy, method: input.method, evidenceURL: input.evidence_url,
                    note: input.note, checkedOn: UTCDate.day(now))
            } catch {
                throw Failure(status: .badRequest, reason: "Nothing was changed: \(error.description).")
            }
            let before = tool.ledger.entries[input.claim].check
            var checks = (tool.claimChecks ?? []).filter { $0.claim != claim }
            if let check { checks.append(check) }
            tool.claimChecks = checks.isEmpty ? nil : checks
            let hash = model.factsHash
            // The category's field as it was, before this check changes the Skeptic's reading.
            let fields = try await RubricPanel.fields([model.categorySlug], asOf: AppClock.month(now), on: tx)
            model.apply(tool)
            guard model.factsHash != hash else { return (model, Set<UUID>()) }
            model.factsChangedAt = now
            try await model.save(on: tx)
            try await Audit.record(
                actor, "claim.checked", subject: Audit.subject(tool: slug), before: before.map { Audit.json($0) },
                after: Audit.json(
                    check ?? ClaimCheck(claim: claim, status: .unverified, checkedBy: actor, method: "", checkedOn: UTCDate.day(now))),
                at: now, on: tx)
            _ = try await RubricPanel.run(tools: [model], at: now, on: tx)
            let cause = "a claim marked \(check?.status.rawValue ?? "unverified") by an editor"
            try await ToolModel.refreshRanking([id], at: now, cause: cause, on: tx)
            // The Skeptic reads the claims ledger, so the category's Skeptic bar may move.
            let reweighed = try await RubricPanel.reweigh(fields, except: [id], at: now, cause: cause, on: tx)
            if let backend {
                _ = try await PanelJobModel.enqueue(tools: [id], personas: Persona.allCases, backend: backend, force: false, on: tx)
            }
            return (model, reweighed)
        }
        // The re-weighed peers' takes and timelines changed too.
        await app.changes.toolsChanged([try model.requireID()] + Array(reweighed))
        return model
    }
}
