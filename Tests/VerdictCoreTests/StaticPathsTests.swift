import Testing

@testable import VerdictCore

@Suite("Static export paths")
struct StaticPathsTests {
    @Test("Pages become folders with index.html, files keep their names, paging queries become names, other queries stay dynamic")
    func files() {
        #expect(StaticPaths.file(path: "/", query: nil) == "index.html")
        #expect(StaticPaths.file(path: "/tools/smollm3", query: nil) == "tools/smollm3/index.html")
        #expect(StaticPaths.file(path: "/badge/smollm3.svg", query: nil) == "badge/smollm3.svg")
        #expect(StaticPaths.file(path: "/tools", query: "after=smollm3") == "tools/after-smollm3.html")
        #expect(StaticPaths.file(path: "/feed.atom", query: "category=language-models") == "feed-category-language-models.atom")
        #expect(StaticPaths.file(path: "/api/v1/tools/smollm3", query: nil, json: true) == "api/v1/tools/smollm3.json")
        #expect(StaticPaths.file(path: "/tools/smollm3", query: "input_tokens=5") == nil)
        #expect(StaticPaths.file(path: "/tools/../etc", query: nil) == nil)
        #expect(StaticPaths.file(path: "/new", query: "category=a%2F..") == "new/category-a_2F__.html")
    }

    @Test("Relative links climb out of the page's folder and into the target's")
    func relative() {
        #expect(StaticPaths.relative(from: "index.html", to: "tools/x/index.html") == "tools/x/index.html")
        #expect(StaticPaths.relative(from: "tools/x/index.html", to: "compare/a-vs-b/index.html") == "../../compare/a-vs-b/index.html")
        #expect(StaticPaths.relative(from: "tools/x/index.html", to: "tools/y/index.html") == "../y/index.html")
        #expect(StaticPaths.relative(from: "tools/x/index.html", to: "index.html") == "../../index.html")
        #expect(StaticPaths.relative(from: "tools/x/index.html", to: "tools/x/index.html") == "index.html")
    }

    @Test("Rewriting touches only site-absolute href, src and action values")
    func rewrite() {
        let html =
            ##"<a href="/tools/x">x</a> <a href="https://e.com/">e</a> <img src="/badge/x.svg"> <form action="/tools/x/vote"> <a href="#top">t</a> <a href="//cdn">c</a>"##
        let out = StaticPaths.rewrite(html) { attribute, url in "[\(attribute):\(url)]" }
        #expect(
            out
                == ##"<a href="[href:/tools/x]">x</a> <a href="https://e.com/">e</a> <img src="[src:/badge/x.svg]"> <form action="[action:/tools/x/vote]"> <a href="#top">t</a> <a href="//cdn">c</a>"##
        )
    }
}
