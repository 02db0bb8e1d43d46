import Foundation

/// A tool's panel ship and community percentages on one UTC day (the day's last value).
public struct ScoreDay: Sendable, Hashable {
    /// "YYYY-MM-DD".
    public var day: String
    public var panel: Int?
    public var community: Int?
    public var votes: Int

    public init(day: String, panel: Int?, community: Int?, votes: Int) {
        self.day = day
        self.panel = panel
        self.community = community
        self.votes = votes
    }
}

/// The geometry of a tool's timeline chart: panel ship % and community % as step lines over
/// time (a value holds until the day it changes), and price changes as marks on the time axis.
/// Pure numbers; the page draws them as SVG.
public struct ScoreTimeline: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var day: String
        public var value: Int
    }

    /// A dated event drawn across the chart: a price step.
    public struct Mark: Sendable, Hashable {
        public var x: Double
        public var day: String
        public var label: String
    }

    public var width: Double
    public var height: Double
    /// The plot area inside the axes' labels.
    public var left = 34.0, right = 10.0, top = 10.0, bottom = 24.0
    /// Points where the value changes, oldest first; consecutive points are joined as steps.
    public var panel: [Point] = []
    public var community: [Point] = []
    public var marks: [Mark] = []
    /// The first and last day on the time axis.
    public var firstDay = "", lastDay = ""

    /// Nil when there is nothing to draw (no day with a score).
    public init?(days: [ScoreDay], marks events: [(day: String, label: String)] = [], width: Double = 640, height: Double = 200) {
        let dayNumbers = (days.map(\.day) + events.map(\.day)).compactMap(Self.dayNumber)
        guard let first = dayNumbers.min(), let last = dayNumbers.max(), days.contains(where: { $0.panel != nil || $0.community != nil })
        else { return nil }
        self.width = width
        self.height = height
        let span = Double(max(last - first, 1))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ day: String) -> Double {
            guard let n = Self.dayNumber(day) else { return left }
            // A single day sits in the middle.
            return last == first ? left + plotWidth / 2 : left + Double(n - first) / span * plotWidth
        }
        func y(_ percent: Int) -> Double { top + (1 - Double(min(max(percent, 0), 100)) / 100) * plotHeight }
        func changes(_ value: (ScoreDay) -> Int?) -> [Point] {
            var out: [Point] = []
            for d in days {
                guard let v = value(d), Self.dayNumber(d.day) != nil else { continue }
                if out.last?.value != v { out.append(Point(x: x(d.day), y: y(v), day: d.day, value: v)) }
            }
            return out
        }
        panel = changes(\.panel)
        community = changes(\.community)
        marks = events.filter { Self.dayNumber($0.day) != nil }.map { Mark(x: x($0.day), day: $0.day, label: $0.label) }
        firstDay = Self.text(first)
        lastDay = Self.text(last)
    }

    /// The x of the right end of the time axis: the last value holds until then.
    public var endX: Double { width - right }

    /// A step line through `points`: each value holds until the next change, the last until the
    /// end of the axis. SVG `points` text, rounded to a tenth.
    public func stepPath(_ points: [Point]) -> String {
        var coords: [(Double, Double)] = []
        for (i, p) in points.enumerated() {
            if i > 0 { coords.append((p.x, points[i - 1].y)) }
            coords.append((p.x, p.y))
        }
        if let lastPoint = points.last { coords.append((max(endX, lastPoint.x), lastPoint.y)) }
        return coords.map { "\(Self.tenth($0.0)),\(Self.tenth($0.1))" }.joined(separator: " ")
    }

    /// The y of a percentage, for grid lines.
    public func y(percent: Int) -> Double { top + (1 - Double(percent) / 100) * (height - top - bottom) }

    static func tenth(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Days since 1970-01-01 of a "YYYY-MM-DD" string (proleptic Gregorian), nil when malformed.
    public static func dayNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m),
            (1...31).contains(d)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func text(_ dayNumber: Int) -> String {
        UTCDate.day(Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
    }

}
