import Crypto
import Foundation

/// Writes each envelope as an `.eml` file into a directory; the embedded default when no
/// SMTP server is configured.
///
/// The file name is a hash of recipient and Message-ID, so sending the same message to the
/// same recipient again replaces the file instead of adding a second one. Each file is
/// written to a temporary name and renamed, so a reader never sees half a message.
struct OutboxTransport: MailTransport {
    let directory: URL

    func send(_ envelopes: [Envelope]) async throws -> [DeliveryResult] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw MailTransportError(
                reason: .connectionFailed(
                    "cannot create outbox directory \(directory.path): \(error.localizedDescription); set a writable outbox path"
                ))
        }
        return envelopes.map(write)
    }

    /// Where `envelope` lands.
    func fileURL(for envelope: Envelope) -> URL {
        // Without a Message-ID the whole text identifies the message.
        let identity = Self.messageID(in: envelope.data) ?? envelope.data
        let digest = SHA256.hash(data: Data("\(envelope.to.lowercased())\n\(identity)".utf8))
        let name = SiteCrypto.hex(digest.prefix(16))
        return directory.appendingPathComponent("\(name).eml")
    }

    private func write(_ envelope: Envelope) -> DeliveryResult {
        let target = fileURL(for: envelope)
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        // Return-Path and Delivered-To keep the envelope, as a local delivery agent would.
        let text = "Return-Path: <\(envelope.from)>\r\nDelivered-To: \(envelope.to)\r\n" + envelope.data
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            return .delivered
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return .temporaryFailure(
                code: 451, message: "outbox: cannot write \(target.path): \(error.localizedDescription)")
        }
    }

    /// The Message-ID header's value, unfolded, or nil when the header section has none.
    static func messageID(in data: String) -> String? {
        var value: String?
        // Character-wise, "\r\n" is one newline; splitting on "\n" alone would miss it.
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty { break }
            if let current = value {
                guard line.first == " " || line.first == "\t" else { break }
                value = current + line.trimmingCharacters(in: .whitespaces)
            } else if line.lowercased().hasPrefix("message-id:") {
                value = line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return value
    }
}
