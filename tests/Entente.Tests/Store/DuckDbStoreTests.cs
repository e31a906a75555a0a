using Entente.Coding;
using Entente.Store;
using Entente.Store.DuckDb;
using static Entente.Tests.Store.StoreData;

namespace Entente.Tests.Store;

public sealed class DuckDbStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private DuckDbStore Open() => DuckDbStore.Open(_dir.File("test.duckdb"));

    [Fact]
    public void WriteBatch_EveryFieldOfTheEventRecord_IsStoredAsGiven()
    {
        var e = new CodedEvent
        {
            Doc = "d1", Sentence = 3, Date = D("2024-05-13"),
            Source = new ActorRef("Russian forces", "RUSMIL", "RUS", "MIL"),
            Target = new ActorRef("the Ukrainian city of Kharkiv", "UKR", "UKR", null),
            Cameo = "195", Plover = "ASSAULT", Mode = "aerial", Context = ["military", "territory"], Goldstein = -10, QuadClass = 4,
            Trigger = new Trigger("shelled", 15, 22), Negated = true, Modality = Modality.Reported,
            Location = new Place("Kharkiv", "UKR", 49.98, 36.25), Text = "Russian forces shelled Kharkiv.", NumMentions = 2,
        };
        using (var store = Open())
            store.WriteBatch([Doc("d1", D("2024-05-14"), "BBC", e) with { Quotes = [new Quote("d1", 3, e.Source, "We will win", 40, 51)] }]);

        using var reopened = Open();
        using var cmd = reopened.Command("""
            SELECT doc_id, sentence, date, source_text, source_code, source_country, source_sector, target_text, target_code, target_country,
                   target_sector, cameo, root, plover, mode, context, goldstein, quad_class, trigger_text, trigger_start, trigger_end, negated,
                   modality, location_name, location_country, location_lat, location_lon, text, num_mentions
            FROM events
            """);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        object?[] expected =
        [
            "d1", 3, new DateOnly(2024, 5, 13), "Russian forces", "RUSMIL", "RUS", "MIL", "the Ukrainian city of Kharkiv", "UKR", "UKR",
            null, "195", "19", "ASSAULT", "aerial", "military,territory", -10.0, (sbyte)4, "shelled", 15, 22, true,
            "reported", "Kharkiv", "UKR", 49.98, 36.25, "Russian forces shelled Kharkiv.", 2,
        ];
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], r.IsDBNull(i) ? null : r.GetValue(i));
        Assert.False(r.Read());
        Assert.Equal(1L, reopened.Scalar<long>("SELECT count(*) FROM quotes WHERE speaker_code = 'RUSMIL' AND text = 'We will win'"));
    }

    [Fact]
    public void WriteBatch_SameDocumentIdAgain_ReplacesItsEventsAndMentions()
    {
        using var store = Open();
        store.WriteBatch([Doc("a", D("2024-01-01"), "X", Event("a", "CHN", "040", "RUS", D("2024-01-01")), Event("a", "CHN", "190", "RUS", D("2024-01-01"), 1))]);
        store.WriteBatch([Doc("a", D("2024-01-01"), "X", Event("a", "USA", "163", "IRN", D("2024-01-01")))]);

        var counts = store.Counts();
        Assert.Equal(1, counts.Documents);
        Assert.Equal(1, counts.EventRecords);
        Assert.Equal(1, counts.MergedEvents);
        Assert.Equal("163", Assert.Single(store.Events(EventFilter.All)).Cameo);
    }

    [Fact]
    public void WriteBatch_ARowTheSchemaRefuses_CommitsNothingOfTheBatch()
    {
        using var store = Open();
        store.WriteBatch([Doc("ok", D("2024-01-01"), "X", Event("ok", "CHN", "040", "RUS", D("2024-01-01")))]);
        var broken = Event("bad", "CHN", "040", "RUS", D("2024-01-02")) with { Cameo = null! };
        var batch = new[]
        {
            Doc("new", D("2024-01-02"), "X", Event("new", "USA", "040", "CHN", D("2024-01-02"))),
            Doc("ok", D("2024-01-01"), "X"), // would replace "ok" if the batch committed
            Doc("bad", D("2024-01-02"), "X", broken),
        };

        Assert.ThrowsAny<Exception>(() => store.WriteBatch(batch));

        var counts = store.Counts();
        Assert.Equal(1, counts.Documents);
        Assert.Equal(1, counts.EventRecords);
        Assert.Equal("ok", store.LoadDocumentIndex().Contains("ok") ? "ok" : "missing");
        // and the store still takes writes afterwards
        store.WriteBatch([Doc("new", D("2024-01-02"), "X", Event("new", "USA", "040", "CHN", D("2024-01-02")))]);
        Assert.Equal(2, store.Counts().EventRecords);
    }

    [Fact]
    public void SameEventInThreeDocumentsWithinADay_IsOneEventWithMentionsSourcesAndArticles()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", D("2024-03-01"), "Reuters", Event("a", "RUSMIL", "190", "UKR", D("2024-03-01")) with { NumMentions = 2 }),
            Doc("b", D("2024-03-02"), "AP", Event("b", "RUSMIL", "190", "UKR", D("2024-03-02"))),
        ]);
        store.WriteBatch([Doc("c", D("2024-03-02"), "Reuters", Event("c", "RUSMIL", "190", "UKR", D("2024-03-01"), sentence: 2))]);

        var merged = Assert.Single(store.Events(EventFilter.All));
        Assert.Equal(4, merged.NumMentions);
        Assert.Equal(2, merged.NumSources);
        Assert.Equal(3, merged.NumArticles);
        Assert.Equal(D("2024-03-01"), merged.Date);
        Assert.Equal("a", merged.FirstDocument);
        Assert.Equal("https://example.org/a", merged.SourceUrl);
        // every report keeps its provenance and points at the merged event
        Assert.Equal(3L, store.Scalar<long>($"SELECT count(*) FROM events WHERE merged_id = {merged.EventId}"));
        Assert.Equal(3L, store.Scalar<long>("SELECT count(DISTINCT doc_id) FROM events"));
    }

    [Fact]
    public void SameKeyThreeDaysApart_IsTwoEvents_AndDifferentTargetsNeverMerge()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", D("2024-03-01"), "X", Event("a", "RUS", "190", "UKR", D("2024-03-01"))),
            Doc("b", D("2024-03-04"), "X", Event("b", "RUS", "190", "UKR", D("2024-03-04"))),
            Doc("c", D("2024-03-01"), "X", Event("c", "RUS", "190", "GEO", D("2024-03-01"))),
            Doc("d", D("2024-03-01"), "X", Event("d", "RUS", "193", "UKR", D("2024-03-01"))),
        ]);

        Assert.Equal(4, store.Counts().MergedEvents);
        Assert.All(store.Events(EventFilter.All), e => Assert.Equal(1, e.NumArticles));
    }

    [Fact]
    public void ReportsEachWithinADayOfTheLast_ChainIntoOneEvent()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", D("2024-03-01"), "X", Event("a", "RUS", "190", "UKR", D("2024-03-01"))),
            Doc("b", D("2024-03-02"), "Y", Event("b", "RUS", "190", "UKR", D("2024-03-02"))),
            Doc("c", D("2024-03-03"), "Z", Event("c", "RUS", "190", "UKR", D("2024-03-03"))),
        ]);

        var e = Assert.Single(store.Events(EventFilter.All));
        Assert.Equal(3, e.NumArticles);
        Assert.Equal(3, e.NumSources);
    }

    [Fact]
    public void AReportBetweenTwoEventsInALaterBatch_JoinsThemIntoOne()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", D("2024-03-01"), "X", Event("a", "RUS", "190", "UKR", D("2024-03-01"))),
            Doc("c", D("2024-03-03"), "Z", Event("c", "RUS", "190", "UKR", D("2024-03-03"))),
            Doc("far", D("2024-03-09"), "Z", Event("far", "RUS", "190", "UKR", D("2024-03-09"))),
        ]);
        Assert.Equal(3, store.Counts().MergedEvents);

        store.WriteBatch([Doc("b", D("2024-03-02"), "Y", Event("b", "RUS", "190", "UKR", D("2024-03-02")))]);

        var events = store.Events(new EventFilter { Ascending = true }).ToList();
        Assert.Equal([3, 1], events.Select(e => e.NumArticles));
        Assert.Equal(events[0].EventId, store.Scalar<long>("SELECT merged_id FROM events WHERE doc_id = 'c'"));
    }

    [Fact]
    public void ReplacingTheReportThatLinkedAChain_SplitsTheEventAgain()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", D("2024-03-01"), "X", Event("a", "RUS", "190", "UKR", D("2024-03-01"))),
            Doc("b", D("2024-03-02"), "Y", Event("b", "RUS", "190", "UKR", D("2024-03-02"))),
            Doc("c", D("2024-03-03"), "Z", Event("c", "RUS", "190", "UKR", D("2024-03-03"))),
        ]);
        Assert.Equal(1, store.Counts().MergedEvents);

        store.WriteBatch([Doc("b", D("2024-03-02"), "Y")]);

        Assert.Equal([1, 1], store.Events(EventFilter.All).Select(e => e.NumArticles));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM events WHERE merged_id NOT IN (SELECT event_id FROM merged_events)"));
    }

    [Fact]
    public void UndatedEvents_AreNeverMergedWithOthers()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", null, "X", Event("a", "RUS", "190", "UKR", null)),
            Doc("b", null, "X", Event("b", "RUS", "190", "UKR", null)),
        ]);

        Assert.Equal(2, store.Counts().MergedEvents);
    }

    [Fact]
    public void ReplacingADocument_MergesItsGroupsAgain()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("a", D("2024-03-01"), "X", Event("a", "RUS", "190", "UKR", D("2024-03-01"))),
            Doc("b", D("2024-03-01"), "Y", Event("b", "RUS", "190", "UKR", D("2024-03-01"))),
        ]);
        Assert.Equal(2, Assert.Single(store.Events(EventFilter.All)).NumArticles);

        store.WriteBatch([Doc("b", D("2024-03-01"), "Y", Event("b", "CHN", "040", "RUS", D("2024-03-01")))]);

        var events = store.Events(new EventFilter { Ascending = true }).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(1, e.NumArticles));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM events WHERE merged_id IS NULL"));
    }

    [Fact]
    public void OpeningAVersion1Store_MigratesItAndMergesTheEventsItHolds()
    {
        var path = _dir.File("old.duckdb");
        using (var old = DuckDbStore.Open(path, upToVersion: 1))
        {
            Assert.Equal(1, old.SchemaVersion);
            old.Execute("INSERT INTO documents VALUES ('a', NULL, NULL, 'X', DATE '2024-01-01', 'h1', 10, 1, 'in', now()::TIMESTAMP), " +
                        "('b', NULL, NULL, 'Y', DATE '2024-01-01', 'h2', 10, 1, 'in', now()::TIMESTAMP)");
            foreach (var doc in new[] { "a", "b" })
            {
                old.Execute($"INSERT INTO events VALUES (1, '{doc}', 0, DATE '2024-01-01', 'China', 'CHN', 'CHN', NULL, 'Russia', 'RUS', 'RUS', NULL, " +
                            "'040', '04', 'CONSULT', NULL, NULL, 1.0, 1, 'met', 6, 9, false, 'asserted', NULL, NULL, NULL, NULL, 'China met Russia.', 1)");
            }
        }

        using var store = DuckDbStore.Open(path);

        Assert.Equal(Schema.Current, store.SchemaVersion);
        var e = Assert.Single(store.Events(EventFilter.All));
        Assert.Equal(2, e.NumArticles);
        Assert.Equal("CHN", e.Source.Code);
        Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void AStoreFromANewerEntente_IsRefusedWithAMessageSayingSo()
    {
        var path = _dir.File("future.duckdb");
        using (var store = DuckDbStore.Open(path))
            store.Execute("INSERT INTO schema_version VALUES (99, 'from the future', now()::TIMESTAMP)");

        var e = Assert.Throws<StoreException>(() => DuckDbStore.Open(path));
        Assert.Contains("newer", e.Message);
    }

    [Fact]
    public void AFileThatIsNotAStore_IsRefusedWithAStoreException()
    {
        var path = _dir.Write("not.duckdb", "this is plain text, not a database");
        var e = Assert.Throws<StoreException>(() => DuckDbStore.Open(path));
        Assert.Contains(path, e.Message);
    }

    private void SeedDyads(DuckDbStore store) => store.WriteBatch([
        Doc("1", D("2024-01-05"), "X", Event("1", "CHNGOV", "040", "RUSGOV", D("2024-01-05"))),
        Doc("2", D("2024-01-20"), "X", Event("2", "RUS", "057", "CHN", D("2024-01-20"))),
        Doc("3", D("2024-02-10"), "X", Event("3", "CHN", "111", "RUS", D("2024-02-10"))),
        Doc("4", D("2024-02-11"), "X", Event("4", "USA", "163", "RUS", D("2024-02-11"))),
        Doc("5", D("2023-12-31"), "X", Event("5", "RUSMIL", "190", "UKR", D("2023-12-31"))),
    ]);

    [Fact]
    public void Dyad_ByMonth_CountsQuadClassesAndGoldsteinInBothDirections()
    {
        using var store = Open();
        SeedDyads(store);

        var rows = store.Dyad("CHN", "RUS", Period.Month, EventFilter.All);

        Assert.Equal(3, rows.Count);
        var jan = rows.Where(r => r.Period == "2024-01").ToList();
        Assert.Equal(2, jan.Count);
        var chnRus = jan.Single(r => r.Source == "CHN");
        Assert.Equal(("RUS", 1L, 1L, 0L, 1.0), (chnRus.Target, chnRus.Events, chnRus.Q1, chnRus.Q2, chnRus.GoldsteinSum));
        var rusChn = jan.Single(r => r.Source == "RUS");
        Assert.Equal((1L, 1L), (rusChn.Q2, rusChn.NetCooperation));
        var feb = rows.Single(r => r.Period == "2024-02");
        Assert.Equal((1L, 1L, -1L, -2.0), (feb.Events, feb.Q3, feb.NetCooperation, feb.GoldsteinMean));
    }

    [Fact]
    public void Dyad_ByQuarterAndYear_GroupsPeriods()
    {
        using var store = Open();
        SeedDyads(store);

        Assert.Equal(["2024-Q1", "2024-Q1"], store.Dyad("CHN", "RUS", Period.Quarter, EventFilter.All).Select(r => r.Period));
        Assert.Equal(["2023", "2024"], store.Dyad("RUS", "UKR", Period.Year, EventFilter.All).Select(r => r.Period).Concat(
            store.Dyad("RUS", "USA", Period.Year, EventFilter.All).Select(r => r.Period)));
    }

    [Fact]
    public void Events_FilterByActorWithTypeAndDates_SelectsExactlyTheMatchingEvents()
    {
        using var store = Open();
        SeedDyads(store);

        Assert.Equal(3, store.Events(new EventFilter { Actor = "CHN", With = "RUS" }).Count());
        Assert.Equal(4, store.Events(new EventFilter { Actor = "RUS", Since = D("2024-01-01") }).Count());
        Assert.Equal("5", Assert.Single(store.Events(new EventFilter { Actor = "RUS", Type = "ASSAULT" })).FirstDocument);
        Assert.Equal("5", Assert.Single(store.Events(new EventFilter { Type = "19" })).FirstDocument);
        Assert.Equal("4", Assert.Single(store.Events(new EventFilter { Actor = "USA", Until = D("2024-02-11") })).FirstDocument);
        Assert.Equal(["4", "3"], store.Events(new EventFilter { Limit = 2 }).Select(e => e.FirstDocument));
        Assert.Empty(store.Events(new EventFilter { Actor = "CHN", With = "USA" }));
        store.WriteBatch([Doc("6", D("2024-03-01"), "X", Event("6", "RUS", "190", null, D("2024-03-01")))]);
        Assert.Equal(6, store.Events(EventFilter.All).Count());
        Assert.DoesNotContain("6", store.Events(new EventFilter { Dyadic = true }).Select(e => e.FirstDocument));
        Assert.Equal(5, store.Events(new EventFilter { Dyadic = true }).Count());
    }

    [Fact]
    public void ActorPatterns_MatchCountriesCodePrefixesAndActorsWithoutACountry()
    {
        using var store = Open();
        store.WriteBatch([
            Doc("1", D("2024-01-05"), "X", Event("1", "USAGOV", "040", "RUS", D("2024-01-05"))),
            Doc("2", D("2024-01-06"), "X", Event("2", "USAMIL", "190", "IRQ", D("2024-01-06"))),
            Doc("3", D("2024-01-07"), "X", Event("3", "IGOUNO", "111", "RUS", D("2024-01-07"))),
            Doc("4", D("2024-01-08"), "X", Event("4", "IGOUNOWHO", "070", "SDN", D("2024-01-08"))),
        ]);

        Assert.Equal(["1", "2"], store.Events(new EventFilter { Actor = "USA", Ascending = true }).Select(e => e.FirstDocument));
        Assert.Equal(["1"], store.Events(new EventFilter { Actor = "USAGOV" }).Select(e => e.FirstDocument));
        Assert.Equal(["3", "4"], store.Events(new EventFilter { Actor = "IGO", Ascending = true }).Select(e => e.FirstDocument));
        Assert.Equal(["3", "4"], store.Events(new EventFilter { Actor = "IGOUNO", Ascending = true }).Select(e => e.FirstDocument));
        Assert.Equal(["3"], store.Events(new EventFilter { Actor = "IGO", With = "RUS" }).Select(e => e.FirstDocument));
        Assert.Equal(1, store.Dyad("IGOUNO", "RUS", Period.Year, EventFilter.All).Single().Events);
    }

    [Fact]
    public void TopActorsAndDyads_LeaveOutBareSectorsButKeepOrganisations()
    {
        using var store = Open();
        var militaryOfNoState = new ActorRef("the military", "MIL", null, "MIL");
        store.WriteBatch([
            Doc("1", D("2024-01-05"), "X", Event("1", "IGOUNO", "111", "RUS", D("2024-01-05"))),
            Doc("2", D("2024-01-06"), "X", Event("2", "RUS", "190", "UKR", D("2024-01-06")) with { Source = militaryOfNoState }),
            Doc("3", D("2024-01-20"), "X", Event("3", "RUS", "190", "UKR", D("2024-01-20")) with { Source = militaryOfNoState }),
        ]);

        Assert.Equal(["UKR", "IGOUNO", "RUS"], store.TopActors(10, EventFilter.All).Select(a => a.Actor));
        Assert.Equal(("IGOUNO", "RUS"), store.TopDyads(10, EventFilter.All).Select(d => (d.ActorA, d.ActorB)).Single());
    }

    [Fact]
    public void TopActorsAndDyads_RankByNumberOfEvents()
    {
        using var store = Open();
        SeedDyads(store);

        var actors = store.TopActors(2, EventFilter.All);
        Assert.Equal(("RUS", 5L), (actors[0].Actor, actors[0].Events));
        Assert.Equal(("CHN", 3L, 2L, 1L), (actors[1].Actor, actors[1].Events, actors[1].AsSource, actors[1].AsTarget));
        var dyads = store.TopDyads(5, EventFilter.All);
        Assert.Equal(("CHN", "RUS", 3L, 2L, 1L), (dyads[0].ActorA, dyads[0].ActorB, dyads[0].Events, dyads[0].Cooperative, dyads[0].Conflictual));
        Assert.Equal(3, dyads.Count);
    }
}
