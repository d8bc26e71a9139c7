/// The spreadsheets shipped with the demo, "uploaded" into `bulk_imports` by the seed.
enum DemoWorkbooks {
    static let influencers = Workbook(fileName: "influencers_march.xlsx", sheets: [
        (name: "MASTER", csv: """
            handle,platform,followers,media_plan_id
            glow.with.ana,instagram,182000,1
            kai_moves,tiktok,940000,1
            "lucia, the baker",instagram,56000,2
            tomasz.trails,instagram,23000,2
            mei.makes,tiktok,310000,3
            omar_cooks,tiktok,77000,3
            sofia.style,instagram,402000,4
            jules.runs,instagram,12000,4
            noah.plays,tiktok,1250000,5
            rio.travels,instagram,88000,6
            """),
        (name: "README", csv: "note\nFill the MASTER sheet; one influencer per row.\n"),
    ])

    /// Saved from the wrong template: no MASTER sheet, so the import is discarded.
    static let brokenInfluencers = Workbook(fileName: "influencers_FINAL_v3.xlsx", sheets: [
        (name: "Sheet1", csv: "Handle;Platform\nfoo;instagram\n"),
    ])

    static func publications(campaign: Int) -> Workbook {
        let rows = (1...8).map { n in
            let platform = n % 3 == 0 ? "tiktok" : "instagram"
            return "https://\(platform).example/p/c\(campaign)-\(n),\(platform),\(n * 7 + campaign)"
        }
        return Workbook(fileName: "publications_campaign_\(campaign).xlsx", sheets: [
            (name: "template", csv: "url,platform,account_id\n" + rows.joined(separator: "\n")),
        ])
    }
}
