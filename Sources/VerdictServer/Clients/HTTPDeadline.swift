import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One outgoing HTTP exchange bounded in time and size: the model calls and the dataset sync.
enum HTTPDeadline {
    typealias Fetched = (status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer)

    /// The whole exchange (connect, head and every byte of the body) within `seconds`, the body
    /// collected up to `maxBytes` (over it, `NIOTooManyBytesError`). AsyncHTTPClient's own deadline
    /// ends when the head arrives, so a body dripped a byte a second would hold the call open for
    /// as long as the server likes; the race against a timer cancels it
    /// (`HTTPClientError.deadlineExceeded`).
    static func fetch(_ req: HTTPClientRequest, http: HTTPClient, seconds: Double, maxBytes: Int) async throws -> Fetched {
        let deadline = NIODeadline.now() + .milliseconds(Int64(seconds * 1000))
        return try await withThrowingTaskGroup(of: Fetched?.self) { group in
            group.addTask {
                let response = try await http.execute(req, deadline: deadline)
                return (response.status, response.headers, try await response.body.collect(upTo: maxBytes))
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else { throw HTTPClientError.deadlineExceeded }
            return response
        }
    }
}
