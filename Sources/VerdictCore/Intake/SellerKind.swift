/// Who sells an offer: the model's own vendor, a cloud, or an inference host (routers and gateways included).
public enum SellerKind: String, CaseIterable, Codable, Sendable, Hashable {
    case vendorAPI = "vendor_api"
    case cloud
    case inferenceHost = "inference_host"
}
