import Fluent
import Foundation
import VerdictCore

extension ImportPipeline {
    /// Writes a validated plan in one transaction: tools upserted by slug, editorial takes
    /// replacing the persona's current take, the rubric filling every persona still missing,
    /// and the panel jobs of every created or changed tool. Each change is audited under the
    /// origin's actor.
    func write(_ plan: CatalogImport, origin: ImportOrigin, intake: IntakeWrite? = nil) async throws -> ImportSummary {
        let (actor, now, backend) = (origin.actor, clock.now(), panelBackend)
        let (summary, affected, formerCategories) = try await db.writeTransaction { tx in
            var summary = ImportSummary()
            var touched: [String: ToolModel] = [:]
            var formerCategories = Set<String>()
            var events: [CatalogEvents.Event] = []
            // The fields of every category this import can change, as they were.
            let existing = try await ToolModel.find(slugs: plan.tools.map(\.slug), on: tx).map(\.categorySlug)
            let fieldsBefore = try await RubricPanel.fields(
                Set(plan.tools.map(\.categorySlug) + existing), asOf: AppClock.month(now), on: tx)
            for (index, tool) in plan.tools.enumerated() {
                if index % 25 == 0 { progress?(index, plan.tools.count) }
                let created = summary.toolsCreated
                let model = try await Self.upsert(
                    tool, actor: actor, at: now, summary: &summary, formerCategories: &formerCategories, on: tx)
                touched[tool.slug] = model
                if summary.toolsCreated > created {
                    events.append(CatalogEvents.Event(kind: .added, tool: model.id, categorySlug: model.categorySlug, text: model.name))
                }
            }
            // The prices editors declare become the vendor's offer, dated like a dataset's.
            let declared = plan.tools.compactMap { tool -> (tool: SourceWriter.ToolRef, offer: Offer)? in
                guard let model = touched[tool.slug], let id = model.id, let offer = Offer.editorial(for: tool, checkedAt: now) else {
                    return nil
                }
                return (SourceWriter.ToolRef(id: id, name: model.name, categorySlug: model.categorySlug), offer)
            }
            let priced = try await OfferWriter(label: OfferWriter.editorial, now: now).write(declared, on: tx)
            events += priced.events
            if let intake, !intake.hold.isEmpty {
                let held = try await intake.holdNew(touched: touched, at: now, on: tx)
                let heldIDs = Set(held.compactMap { touched[$0]?.id })
                events.removeAll { $0.kind == .added && $0.tool.map(heldIDs.contains) == true }
            }
            try await CatalogEvents.insert(events, at: now, on: tx)
            if let intake {
                summary.intake = try await intake.write(touched: touched, at: now, on: tx)
            }
            for imported in plan.takes {
                try await Self.replace(imported, touched: &touched, actor: actor, at: now, summary: &summary, on: tx)
            }
            // The rubric weighs each tool against its category: the written tools first, then every
            // other listed tool of a category whose field now judges differently.
            let rubric = try await RubricPanel.runReporting(tools: Array(touched.values), at: now, on: tx)
            summary.rubricTakesWritten = rubric.written
            let written = Set(touched.values.compactMap(\.id))
            try await ToolModel.refreshRanking(Array(written), at: now, cause: origin.cause, on: tx)
            let peers = try await RubricPanel.reweigh(fieldsBefore, except: written, at: now, cause: origin.cause, on: tx)
            let reranked = written.union(peers)
            try await CategoryListing.refresh(Set(touched.values.map(\.categorySlug)).union(formerCategories), on: tx)
            // Unchanged tools are left out: their facts hash would not re-bill anyway.
            if let backend, !summary.changedTools.isEmpty {
                summary.panelJobsQueued = try await PanelJobModel.enqueue(
                    tools: summary.changedTools, personas: Persona.allCases, backend: backend, force: false, on: tx)
            }
            let affected = reranked.union(summary.intake?.affectedTools ?? [])
            // Tools whose prices alone changed were not re-ranked above; their documents change here.
            try await SearchIndex.refresh(Array(affected.subtracting(reranked)), on: tx)
            return (summary, Array(affected), formerCategories)
        }
        // Every tool written or given a take: its rank, its pages and its lists, on every server.
        await changes?.toolsChanged(affected, formerCategories: formerCategories)
        logger.info("import via \(origin.channel) by \(actor): \(summary.line); \(summary.panelJobsQueued) panel jobs queued")
        return summary
    }

    private static func upsert(
        _ tool: Tool, actor: String, at now: Date, summary: inout ImportSummary, formerCategories: inout Set<String>,
        on db: any Database
    ) async throws -> ToolModel {
        guard let existing = try await ToolModel.find(slug: tool.slug, on: db) else {
            let model = ToolModel(tool)
            model.factsChangedAt = now
            try await model.create(on: db)
            try await Audit.record(actor, "tool.created", subject: Audit.subject(tool: tool.slug), after: Audit.json(tool), at: now, on: db)
            summary.toolsCreated += 1
            summary.changedTools.append(model.id!)
            return model
        }
        let before = existing.tool
        // Claim checks are the editors', never an import's: they stay with the tool.
        var tool = tool
        tool.claimChecks = before.claimChecks
        if before == tool {
            summary.toolsUnchanged += 1
            return existing
        }
        if before.categorySlug != tool.categorySlug { formerCategories.insert(before.categorySlug) }
        let hash = existing.factsHash
        existing.apply(tool)
        if existing.factsHash != hash { existing.factsChangedAt = now }
        try await existing.save(on: db)
        try await Audit.record(
            actor, "tool.updated", subject: Audit.subject(tool: tool.slug), before: Audit.json(before), after: Audit.json(tool), at: now,
            on: db)
        summary.toolsUpdated += 1
        summary.changedTools.append(existing.id!)
        return existing
    }

    /// Makes an editorial take the persona's current take, unless it already says the same.
    private static func replace(
        _ imported: ImportedTake, touched: inout [String: ToolModel], actor: String, at now: Date, summary: inout ImportSummary,
        on db: any Database
    ) async throws {
        var found = touched[imported.toolSlug]
        if found == nil { found = try await ToolModel.find(slug: imported.toolSlug, on: db) }
        guard let model = found, let id = model.id else { return }  // validated: cannot happen
        touched[imported.toolSlug] = model
        let current = try await TakeModel.currentRows(tool: id, on: db)[imported.take.persona]
        if let current, current.says(imported.take) {
            summary.takesUnchanged += 1
            return
        }
        let row = TakeModel(toolID: id, take: imported.take, promptVersion: nil, factsHash: model.factsHash)
        try await TakeModel.replace(current, with: row, at: now, on: db)
        try await Audit.record(
            actor, "take.imported", subject: Audit.subject(tool: model.slug, persona: row.persona),
            before: current.map { Audit.json(Audit.TakeRecord($0)) }, after: Audit.json(Audit.TakeRecord(row)), at: now, on: db)
        summary.takesImported += 1
    }
}
