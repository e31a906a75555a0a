namespace Entente.Store.DuckDb;

/// <summary>One step of the schema: applied once, in order, inside a transaction, and recorded in schema_version.</summary>
/// <param name="Version">The version the store is at after this step.</param>
/// <param name="Description">What the step does, kept in schema_version for whoever inspects the file.</param>
/// <param name="Statements">The SQL, run in order.</param>
/// <param name="RemergeAll">Whether every cross-document duplicate group must be rebuilt after the step.</param>
internal sealed record Migration(int Version, string Description, string[] Statements, bool RemergeAll = false);

/// <summary>
/// The store's schema as a list of migrations. A store file records the last version applied; opening it
/// applies the newer steps. Steps are never edited once released: a change is a new step.
/// </summary>
internal static class Schema
{
    /// <summary>The key that says "same event" across documents: same source, target and CAMEO code.</summary>
    internal const string MergeKeyExpression = "coalesce(source_code, '') || '|' || coalesce(target_code, '') || '|' || cameo";

    /// <summary>
    /// Which event records count as something that happened, and so enter merged_events, dyads and exports:
    /// not negated ("did not condemn" is no condemnation), and asserted or reported; an intention counts only
    /// as what it is, an expressed intent (CAMEO 03), not as the act intended ("will impose sanctions" is not
    /// a sanction). Hypothetical events never count. Every record stays in events either way.
    /// </summary>
    internal const string CountedExpression =
        "(NOT negated AND (modality IN ('asserted', 'reported') OR (modality = 'intended' AND root = '03')))";

    public static readonly Migration[] Migrations =
    [
        new(1, "documents, event records, actor mentions and quotes",
        [
            """
            CREATE TABLE documents (
                doc_id VARCHAR NOT NULL,
                url VARCHAR,
                title VARCHAR,
                source VARCHAR,
                date DATE,
                content_hash VARCHAR NOT NULL,
                chars INTEGER NOT NULL,
                sentences INTEGER NOT NULL,
                input VARCHAR,
                ingested_at TIMESTAMP NOT NULL)
            """,
            """
            CREATE TABLE events (
                record_id BIGINT NOT NULL,
                doc_id VARCHAR NOT NULL,
                sentence INTEGER NOT NULL,
                date DATE,
                source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
                target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
                cameo VARCHAR NOT NULL,
                root VARCHAR NOT NULL,
                plover VARCHAR,
                mode VARCHAR,
                context VARCHAR,
                goldstein DOUBLE NOT NULL,
                quad_class TINYINT NOT NULL,
                trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
                negated BOOLEAN NOT NULL,
                modality VARCHAR NOT NULL,
                location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
                text VARCHAR,
                num_mentions INTEGER NOT NULL)
            """,
            """
            CREATE TABLE mentions (
                doc_id VARCHAR NOT NULL,
                sentence INTEGER NOT NULL,
                start_token INTEGER, end_token INTEGER,
                text VARCHAR,
                start_char INTEGER, end_char INTEGER,
                code VARCHAR, country VARCHAR, sector VARCHAR,
                resolution VARCHAR,
                antecedent INTEGER)
            """,
            """
            CREATE TABLE quotes (
                doc_id VARCHAR NOT NULL,
                sentence INTEGER NOT NULL,
                speaker_text VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR,
                text VARCHAR,
                start_char INTEGER, end_char INTEGER)
            """,
        ]),
        new(2, "cross-document duplicates: merge_key and merged_id on event records, merged_events",
        [
            "ALTER TABLE events ADD COLUMN merge_key VARCHAR",
            "ALTER TABLE events ADD COLUMN merged_id BIGINT",
            $"UPDATE events SET merge_key = {MergeKeyExpression}",
            """
            CREATE TABLE merged_events (
                event_id BIGINT NOT NULL,
                merge_key VARCHAR NOT NULL,
                date DATE,
                source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
                target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
                cameo VARCHAR NOT NULL,
                plover VARCHAR,
                quad_class TINYINT NOT NULL,
                goldstein DOUBLE NOT NULL,
                num_mentions INTEGER NOT NULL,
                num_sources INTEGER NOT NULL,
                num_articles INTEGER NOT NULL,
                is_root_event BOOLEAN NOT NULL,
                last_date DATE,
                location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
                first_doc_id VARCHAR NOT NULL,
                source_url VARCHAR,
                date_added TIMESTAMP NOT NULL,
                text VARCHAR)
            """,
        ], RemergeAll: true),
        new(3, "date precision of event records; only events that happened (not negated, not hypothetical) are merged and counted",
        [
            "ALTER TABLE events ADD COLUMN date_precision VARCHAR",
            "ALTER TABLE events ADD COLUMN counted BOOLEAN",
            $"UPDATE events SET counted = {CountedExpression}",
        ], RemergeAll: true),
    ];

    public static int Current => Migrations[^1].Version;
}
