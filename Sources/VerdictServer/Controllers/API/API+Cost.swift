import Foundation
import Vapor
import VerdictCore

/// JSON of `GET /api/v1/cost`. Money is a decimal string (exact: "0.0415"), with `…_display`
/// rounded to cents for people.
extension API {
    struct CostAnswer: Content {
        var workload: CostWorkload
        var tools: [ToolCost]
    }

    struct CostWorkload: Content {
        var inputTokens: Int
        var outputTokens: Int
        var cachedInputShare: String
        var batch: Bool
        var images: Int
        var audioSeconds: Int
        var videoSeconds: Int
        var seats: Int
        var requests: Int
        @ExplicitNull var preset: String?
        var description: String

        init(_ u: UsageProfile, preset: UsagePreset?) {
            (inputTokens, outputTokens, cachedInputShare, batch) = (u.inputTokens, u.outputTokens, "\(u.cachedInputShare)", u.batch)
            (images, audioSeconds, videoSeconds, seats, requests) = (u.images, u.audioSeconds, u.videoSeconds, u.seats, u.requests)
            self.preset = preset?.id
            description = UsageText.describe(u)
        }
    }

    struct ToolCost: Content {
        var slug: String
        var name: String
        var url: String
        /// "priced", "unpublished" (no seller publishes a price) or "no_matching_offer".
        var status: String
        @ExplicitNull var monthlyCost: String?
        @ExplicitNull var monthlyCostDisplay: String?
        /// Units the month uses that no offer prices (for "no_matching_offer").
        var missing: [String]
        @ExplicitNull var offer: CostOffer?
        var lines: [CostLine]
        var notes: [String]

        init(_ tool: ToolModel, _ e: CostEstimate) {
            (slug, name, url) = (tool.slug, tool.name, SiteURL.tool(tool.slug).path)
            switch e.status {
            case .priced: (status, missing) = ("priced", [])
            case .unpublished: (status, missing) = ("unpublished", [])
            case .noMatchingOffer(let units): (status, missing) = ("no_matching_offer", units.map(\.rawValue))
            }
            monthlyCost = e.total.map { "\($0)" }
            monthlyCostDisplay = e.total.map(CostEstimate.money)
            offer = e.quote.map(CostOffer.init)
            lines = e.lines.map(CostLine.init)
            notes = e.notes
        }
    }

    struct CostOffer: Content {
        var seller: String
        var sellerName: String?
        var variant: String
        /// Where the price comes from: a dataset's name, or "editorial".
        var source: String
        @ExplicitNull var sourceUrl: String?
        @ExplicitNull var effectiveFrom: Date?
        var checkedAt: Date

        init(_ q: OfferQuote) {
            (seller, sellerName, variant, source) = (q.offer.seller, q.offer.sellerName, q.offer.variant.rawValue, q.source)
            (sourceUrl, effectiveFrom, checkedAt) = (q.offer.sourceURL, q.effectiveFrom, q.checkedAt)
        }
    }

    struct CostLine: Content {
        var unit: String
        var chargedAs: String
        var quantity: Int
        var free: Int
        var price: String
        var cost: String
        var text: String

        init(_ l: CostEstimateLine) {
            (unit, chargedAs, quantity, free) = (l.unit.rawValue, l.chargedAs.rawValue, l.quantity, l.free)
            (price, cost, text) = ("\(l.price)", "\(l.cost)", l.text)
        }
    }
}
