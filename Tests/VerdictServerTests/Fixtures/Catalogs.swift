/// Small import files used across the server tests.
enum Catalogs {
    static let two = """
        tools:
          - slug: alpha
            name: Alpha
            vendor: Alpha Labs
            category: Developer Tools
            tagline: The first tool
            description: Alpha builds things for developers.
            entry: free
            homepage: https://alpha.example
            facts:
              api: true
              sdks: [python, typescript]
              open_weights: true
              license: Apache-2.0
              pricing_model: free
              pricing_published: true
              free_tier: true
          - slug: beta
            name: Beta
            category: Developer Tools
            description: Beta also builds things for developers.
            entry: contact
            facts:
              api: false
              pricing_model: contact
              pricing_published: false
        """

    static let hostile = """
        tools:
          - slug: evil
            name: "<script>alert('name')</script>Evil"
            category: "Developer Tools"
            tagline: "<img src=x onerror=alert(1)>"
            description: "<script>alert('xss')</script> & \\"quotes\\""
            entry: free
        takes:
          - tool: evil
            persona: builder
            verdict: ship
            flip: "<b>flip</b>"
            text: "<script>alert('take')</script>"
        """
}
