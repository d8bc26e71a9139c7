import GafferCore
import Postgres

/// Fills the demo tables with campaigns, plans, accounts and publications, a few of them bad on
/// purpose (blank or deleted handles, broken links), and the uploaded spreadsheets.
enum DemoSeed {
    static let accountCount = 80
    static let publicationCount = 160
    /// Accounts whose rows are bad: the account jobs discard them.
    static let badAccounts: [Int: String] = [13: "deleted_glowup", 27: "", 41: "deleted_kai.old", 66: "deleted_fitwithme"]
    /// Publications with links that are not post URLs: their sync jobs discard them.
    static let badPublications: [Int: String] = [9: "htps:/instagram.example/p/9", 33: "", 58: "instagram.example/p/??",
                                                 87: "https://", 121: "TODO paste link", 150: "https://tiktok"]

    static func run(_ db: PostgresConnection) async throws {
        try await db.execute("""
            INSERT INTO gaffer_demo.campaigns (name, brand) VALUES
              ('Aurora spring launch', 'Aurora'), ('Nimbus run club', 'Nimbus'), ('Aurora holiday glow', 'Aurora');
            INSERT INTO gaffer_demo.media_plans (campaign_id, name) VALUES
              (1, 'Aurora spring: macro'), (1, 'Aurora spring: micro'), (2, 'Nimbus: runners'),
              (2, 'Nimbus: lifestyle'), (3, 'Aurora holiday: TikTok'), (3, 'Aurora holiday: Instagram');
            """)
        var random = DemoRandom(seed: 2024)
        let names = ["ana", "kai", "lucia", "tomasz", "mei", "omar", "sofia", "jules", "noah", "rio", "ivy", "leo"]
        var platforms: [String] = [], handles: [String] = [], plans: [String?] = []
        for id in 1...accountCount {
            let platform = random.pick(Platform.allCases).rawValue
            platforms.append(platform)
            handles.append(badAccounts[id] ?? "\(random.pick(names)).\(platform == "tiktok" ? "tt" : "ig")\(id)")
            plans.append(random.unit() < 0.7 ? String(random.int(in: 1...6)) : nil)
        }
        try await db.query("""
            INSERT INTO gaffer_demo.social_media_accounts (platform, handle, media_plan_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])
            """, [PostgresTextArray(encoding: platforms), PostgresTextArray(encoding: handles), PostgresTextArray(plans)])
        var accounts: [String] = [], campaigns: [String] = [], pubPlatforms: [String] = [], urls: [String] = []
        for id in 1...publicationCount {
            let account = random.int(in: 1...accountCount)
            accounts.append(String(account))
            campaigns.append(String(random.int(in: 1...3)))
            pubPlatforms.append(platforms[account - 1])
            urls.append(badPublications[id] ?? "https://\(platforms[account - 1]).example/p/\(id)")
        }
        try await db.query("""
            INSERT INTO gaffer_demo.social_media_publications (account_id, campaign_id, platform, url)
            SELECT * FROM unnest($1::integer[], $2::integer[], $3::text[], $4::text[])
            """, [PostgresTextArray(encoding: accounts), PostgresTextArray(encoding: campaigns),
                  PostgresTextArray(encoding: pubPlatforms), PostgresTextArray(encoding: urls)])
        try await db.execute("""
            INSERT INTO gaffer_demo.scope_of_work_items (media_plan_id, deliverable, buy_price)
            SELECT 1 + n % 6, (ARRAY['reel', 'story', 'post', 'tiktok video'])[1 + n % 4], 150 + (n * 37) % 900
            FROM generate_series(1, 24) AS n;
            """)
        let uploads: [(kind: String, workbook: Workbook, campaign: Int?)] = [
            ("influencers", DemoWorkbooks.influencers, nil),
            ("influencers", DemoWorkbooks.brokenInfluencers, nil),
            ("publications", DemoWorkbooks.publications(campaign: 1), 1),
            ("publications", DemoWorkbooks.publications(campaign: 2), 2),
        ]
        for upload in uploads {
            let sheets = JSONValue.array(upload.workbook.sheets.map { .object(["name": .string($0.name), "csv": .string($0.csv)]) })
            try await db.query("""
                INSERT INTO gaffer_demo.bulk_imports (kind, file_name, sheets, campaign_id) VALUES ($1, $2, $3::jsonb, $4)
                """, [upload.kind, upload.workbook.fileName, sheets.serialized(), upload.campaign])
        }
    }

    /// Makes every account and publication a day stale, so each demo run finds work for its fan-outs.
    static func rewind(_ db: PostgresConnection) async throws {
        try await db.execute("""
            UPDATE gaffer_demo.social_media_publications SET daily_synced_at = now() - interval '25 hours'
              WHERE daily_synced_at IS NOT NULL;
            UPDATE gaffer_demo.social_media_accounts SET synced_at = now() - interval '25 hours'
              WHERE synced_at IS NOT NULL;
            UPDATE gaffer_demo.bulk_imports SET status = 'pending', rows_imported = 0, error = NULL;
            """)
    }
}
