import Plot
import Vapor

extension HTML {
    /// A rendered page as a response; Plot has escaped every text node already.
    func response(status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}
