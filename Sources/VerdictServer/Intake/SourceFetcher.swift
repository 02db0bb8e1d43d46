import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import VerdictCore

/// Downloads (or reads) one dataset source, politely: a conditional GET with the validators of
/// the last successful sync (ETag, Last-Modified), one deadline for the whole exchange (a body
/// dripped forever is cut off), and a size cap on the body.
struct SourceFetcher: Sendable {
    let http: HTTPClient
    var maxBytes: Int
    var timeoutSeconds: Double

    /// The validators a previous download returned.
    struct Validators: Sendable, Equatable {
        var etag: String?
        var lastModified: String?
    }

    enum Outcome: Sendable {
        /// The server says the body has not changed since `Validators`.
        case notModified
        case body(Data, Validators)
    }

    func fetch(_ location: SourceList.Location, since validators: Validators) async throws(SourceFailure) -> Outcome {
        switch location {
        case .file(let path): return try readFile(path)
        case .url(let url): return try await download(url, since: validators)
        }
    }

    private func readFile(_ path: String) throws(SourceFailure) -> Outcome {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw SourceFailure("cannot read \(path): no such file, or not readable")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else { throw SourceFailure("\(path) is \(size) bytes; the limit is \(maxBytes) (VERDICT_SOURCE_MAX_MB)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw SourceFailure("cannot read \(path)") }
        return .body(data, Validators())
    }

    private func download(_ url: String, since validators: Validators) async throws(SourceFailure) -> Outcome {
        var building = HTTPClientRequest(url: url)
        building.headers.add(name: "User-Agent", value: "Verdict intake (+https://github.com/verdict)")
        building.headers.add(name: "Accept", value: "application/json")
        if let etag = validators.etag { building.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators.lastModified { building.headers.add(name: "If-Modified-Since", value: lastModified) }
        do {
            // A body passing the cap stops the download there.
            let fetched = try await HTTPDeadline.fetch(building, http: http, seconds: timeoutSeconds, maxBytes: maxBytes)
            switch fetched.status {
            case .notModified: return .notModified
            case .ok:
                return .body(
                    Data(buffer: fetched.body),
                    Validators(etag: fetched.headers.first(name: "ETag"), lastModified: fetched.headers.first(name: "Last-Modified")))
            default: throw SourceFailure("\(url) answered \(fetched.status.code) \(fetched.status.reasonPhrase)")
            }
        } catch let failure as SourceFailure {
            throw failure
        } catch is NIOTooManyBytesError {
            throw SourceFailure("the body passed \(maxBytes) bytes; the limit is \(maxBytes) (VERDICT_SOURCE_MAX_MB)")
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw SourceFailure("\(url) did not answer in full within \(Int(timeoutSeconds)) s (VERDICT_SOURCE_TIMEOUT)")
        } catch {
            throw SourceFailure("cannot fetch \(url): \(error)")
        }
    }
}

/// Why a source could not be synced, in plain words; nothing was changed.
struct SourceFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
