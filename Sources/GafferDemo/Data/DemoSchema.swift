/// The demo's own tables, in schema `gaffer_demo`, modelled on the original app's models.
enum DemoSchema {
    static let name = "gaffer_demo"

    static let create = """
        CREATE SCHEMA IF NOT EXISTS gaffer_demo;
        CREATE TABLE IF NOT EXISTS gaffer_demo.campaigns (
          id serial PRIMARY KEY, name text NOT NULL, brand text NOT NULL,
          crb_comments_count integer NOT NULL DEFAULT 0, crb_synced_at timestamptz);
        CREATE TABLE IF NOT EXISTS gaffer_demo.media_plans (
          id serial PRIMARY KEY, campaign_id integer NOT NULL, name text NOT NULL,
          total_reach bigint NOT NULL DEFAULT 0, engagement_rate numeric(8,4) NOT NULL DEFAULT 0,
          recalculated_at timestamptz);
        CREATE TABLE IF NOT EXISTS gaffer_demo.social_media_accounts (
          id serial PRIMARY KEY, platform text NOT NULL, handle text NOT NULL, media_plan_id integer,
          followers integer NOT NULL DEFAULT 0, posts integer NOT NULL DEFAULT 0, synced_at timestamptz);
        CREATE TABLE IF NOT EXISTS gaffer_demo.social_media_publications (
          id serial PRIMARY KEY, account_id integer NOT NULL, campaign_id integer, platform text NOT NULL,
          url text NOT NULL, likes integer NOT NULL DEFAULT 0, views bigint NOT NULL DEFAULT 0,
          comments_count integer NOT NULL DEFAULT 0, synced_at timestamptz, daily_synced_at timestamptz);
        CREATE TABLE IF NOT EXISTS gaffer_demo.publication_histories (
          id bigserial PRIMARY KEY, publication_id integer NOT NULL, likes integer, views bigint,
          comments_count integer, source text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS gaffer_demo.media_comments (
          id bigserial PRIMARY KEY, publication_id integer NOT NULL, external_id text NOT NULL,
          parent_external_id text, author text NOT NULL, body text NOT NULL,
          brand_related boolean, reviewed boolean NOT NULL DEFAULT false, embedding real[],
          created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (publication_id, external_id));
        CREATE TABLE IF NOT EXISTS gaffer_demo.account_analytics (
          account_id integer PRIMARY KEY, clusters jsonb NOT NULL, computed_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS gaffer_demo.scope_of_work_items (
          id serial PRIMARY KEY, media_plan_id integer NOT NULL, deliverable text NOT NULL,
          buy_price numeric(12,2) NOT NULL, sell_price numeric(12,2), markup_percentage numeric(6,2));
        CREATE TABLE IF NOT EXISTS gaffer_demo.bulk_imports (
          id serial PRIMARY KEY, kind text NOT NULL, file_name text NOT NULL, sheets jsonb NOT NULL,
          campaign_id integer, status text NOT NULL DEFAULT 'pending', rows_imported integer NOT NULL DEFAULT 0,
          error text, updated_at timestamptz NOT NULL DEFAULT now());
        """

    /// Drops everything; the cascade's notice is silenced (libpq would print it on stderr).
    static let drop = """
        SET client_min_messages = warning;
        DROP SCHEMA IF EXISTS gaffer_demo CASCADE;
        RESET client_min_messages;
        """
}
