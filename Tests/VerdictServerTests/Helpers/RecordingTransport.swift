import Foundation
import NIOConcurrencyHelpers

@testable import VerdictServer

/// A mail transport that keeps what it is given; `answer` decides each recipient's fate.
final class RecordingTransport: MailTransport, Sendable {
    private let sent = NIOLockedValueBox<[Envelope]>([])
    private let answer: @Sendable (Envelope, Int) -> DeliveryResult

    init(answer: @escaping @Sendable (Envelope, Int) -> DeliveryResult = { _, _ in .delivered }) {
        self.answer = answer
    }

    var envelopes: [Envelope] { sent.withLockedValue { $0 } }

    func send(_ envelopes: [Envelope]) async throws -> [DeliveryResult] {
        envelopes.map { env in
            let index = sent.withLockedValue { s in
                s.append(env)
                return s.count - 1
            }
            return answer(env, index)
        }
    }
}

/// The message with quoted-printable undone, so tests can read links as a reader would.
func quotedPrintableDecoded(_ text: String) -> String {
    let joined = text.replacingOccurrences(of: "=\r\n", with: "")
    var bytes: [UInt8] = []
    var it = Array(joined.utf8)[...]
    while let b = it.first {
        it = it.dropFirst()
        if b == UInt8(ascii: "="), it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
            bytes.append(v)
            it = it.dropFirst(2)
        } else {
            bytes.append(b)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
