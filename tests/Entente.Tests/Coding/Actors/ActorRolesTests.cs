using Entente.Coding.Actors;
using static Entente.Tests.Coding.Actors.ActorTestData;

namespace Entente.Tests.Coding.Actors;

public sealed class ActorRolesTests
{
    private static ActorEntry Actor(string name) => Default.Dictionary.FindActor(name) ?? throw new InvalidOperationException(name);

    [Theory]
    [InlineData("2016-11-08", "USAELI")]
    [InlineData("2017-01-19", "USAELI")]
    [InlineData("2017-01-20", "USAGOV")]
    [InlineData("2021-01-19", "USAGOV")]
    [InlineData("2021-01-20", "USAELI")]
    [InlineData("2025-01-19", "USAELI")]
    [InlineData("2025-01-20", "USAGOV")]
    [InlineData("2025-07-16", "USAGOV")]
    public void Trump_HasTheRoleOfTheDate(string date, string code) =>
        Assert.Equal(code, Actor("Donald Trump").CodeOn(D(date)));

    [Theory]
    [InlineData("2020-06-01", "USAELI")]
    [InlineData("2021-01-20", "USAGOV")]
    [InlineData("2024-12-31", "USAGOV")]
    [InlineData("2025-01-20", "USAELI")]
    public void Biden_IsGovernmentOnlyWhilePresidentOrVicePresident(string date, string code) =>
        Assert.Equal(code, Actor("Joe Biden").CodeOn(D(date)));

    [Theory]
    [InlineData("Wang Yi", "2024-01-01", "CHNGOV")]
    [InlineData("Qin Gang", "2023-01-01", "CHNGOV")]
    [InlineData("Qin Gang", "2023-08-01", "CHNELI")]
    [InlineData("Abbas Araghchi", "2024-09-01", "IRNGOV")]
    [InlineData("Masoud Pezeshkian", "2024-07-01", "IRNLEG")]
    [InlineData("Masoud Pezeshkian", "2024-07-28", "IRNGOV")]
    [InlineData("Keir Starmer", "2024-07-04", "GBROPP")]
    [InlineData("Keir Starmer", "2024-07-05", "GBRGOV")]
    [InlineData("Friedrich Merz", "2025-05-06", "DEUGOV")]
    [InlineData("Olaf Scholz", "2025-05-06", "DEULEG")]
    [InlineData("Mark Carney", "2025-03-14", "CANGOV")]
    [InlineData("Shigeru Ishiba", "2025-10-21", "JPNLEG")]
    [InlineData("Sanae Takaichi", "2025-10-21", "JPNGOV")]
    [InlineData("Mark Rutte", "2024-10-01", "IGOWSTNAT")]
    [InlineData("Jens Stoltenberg", "2024-10-01", "NORELI")]
    [InlineData("Petro Poroshenko", "2019-05-19", "UKRGOV")]
    [InlineData("Volodymyr Zelenskyy", "2019-05-20", "UKRGOV")]
    [InlineData("Marco Rubio", "2025-01-21", "USAGOV")]
    [InlineData("Kaja Kallas", "2023-01-01", "ESTGOV")]
    [InlineData("Kaja Kallas", "2025-01-01", "IGOEUREEC")]
    [InlineData("Lee Jae-myung", "2025-06-04", "KORGOV")]
    [InlineData("Yoon Suk Yeol", "2025-06-04", "KORELI")]
    public void CurrentDictionary_GetsTheListedFactsRight(string name, string date, string code) =>
        Assert.Equal(code, Actor(name).CodeOn(D(date)));

    [Fact]
    public void NoDate_MeansTheCurrentRole()
    {
        Assert.Equal("USAGOV", Actor("Donald Trump").CodeOn(null));
        Assert.Equal("USAELI", Actor("Joe Biden").CodeOn(null));
    }

    [Fact]
    public void Raisi_IsAFormerLeaderAfterHisDeath()
    {
        Assert.Equal("IRNGOV", Actor("Ebrahim Raisi").CodeOn(D("2024-05-19")));
        Assert.Equal("IRNELI", Actor("Ebrahim Raisi").CodeOn(D("2024-06-01")));
    }

    [Fact]
    public void Navalny_HasNoCodeAfterHisDeath() =>
        Assert.Null(Actor("Alexei Navalny").CodeOn(D("2024-06-01")));

    // The PETRARCH validation records' date tests: a later-starting role wins on shared days, a short special
    // period wins inside a longer one, and the undated role is the default outside every dated one.
    private static readonly ActorRole[] SamGamgee =
    [
        ActorRole.Undated("HOB"),
        Role("HOBCIV <20080120"),
        Role("ORCHOB 20100109-20100112"),
        Role("HOBMIL 20080120-20121109"),
        Role("HOBGOV 20121109-20130119"),
        Role("HOBELI >20130119"),
    ];

    private static ActorRole Role(string text)
    {
        Assert.True(ActorDictionaryReader.TryParseRole(text, out var role, out var error), error);
        return role;
    }

    [Theory]
    [InlineData("1995-01-04", "HOBCIV")]
    [InlineData("2008-01-19", "HOBCIV")]
    [InlineData("2010-01-06", "HOBMIL")]
    [InlineData("2010-01-09", "ORCHOB")]
    [InlineData("2010-01-12", "ORCHOB")]
    [InlineData("2010-01-13", "HOBMIL")]
    [InlineData("2012-11-09", "HOBGOV")]
    [InlineData("2012-12-31", "HOBGOV")]
    [InlineData("2014-01-04", "HOBELI")]
    public void ValidationSuiteDates_ChooseTheExpectedRole(string date, string code) =>
        Assert.Equal(code, ActorRoles.Choose(SamGamgee, D(date)));

    [Fact]
    public void UndatedRole_IsTheDefaultOutsideEveryDatedOne()
    {
        ActorRole[] hamfast = [ActorRole.Undated("HOB"), Role("HOBGOV 20121109-20130119")];
        Assert.Equal("HOB", ActorRoles.Choose(hamfast, D("1995-01-04")));
        Assert.Equal("HOBGOV", ActorRoles.Choose(hamfast, D("2012-12-25")));
        Assert.Equal("HOB", ActorRoles.Choose(hamfast, D("2014-01-04")));
    }
}

public sealed class CurrentDictionaryTests
{
    private static readonly string CurrentFile = Path.Combine(TestPaths.Repo, "data", "dictionaries", "Entente.Current.actors.txt");

    [Fact]
    public void CurrentDictionary_ReadsWithoutAnyDiagnostic()
    {
        var diags = new List<Entente.Nlp.Documents.Diagnostic>();
        using var reader = new StreamReader(CurrentFile);
        var records = ActorDictionaryReader.Read(reader, "current", diags);
        Assert.Empty(diags);
        Assert.True(records.Count >= 300, $"{records.Count} entries");
    }

    [Fact]
    public void CurrentDictionary_NeverListsAPhraseTwice()
    {
        using var reader = new StreamReader(CurrentFile);
        var records = ActorDictionaryReader.Read(reader, "current", []);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var duplicates = new List<string>();
        foreach (var r in records)
        {
            foreach (var p in r.Phrases)
            {
                var key = p.Trim('_', ' ').Replace('_', ' ');
                if (!seen.TryAdd(key, r.Line) && seen[key] != r.Line)
                    duplicates.Add($"{key} (lines {seen[key]} and {r.Line})");
            }
        }

        Assert.Empty(duplicates);
    }

    [Fact]
    public void EveryPersonInTheCurrentDictionary_HasDatedRoles()
    {
        using var reader = new StreamReader(CurrentFile);
        var undated = ActorDictionaryReader.Read(reader, "current", [])
            .Where(r => r.Roles.Any(x => !x.Dated) && r.Roles.Any(x => x.Code.Length > 3 && !x.Code.StartsWith("IGO", StringComparison.Ordinal)))
            .Select(r => r.Phrases[0])
            .ToList();

        // Only organisations and places may hold an office without dates.
        string[] bodies = ["DEPARTMENT", "GROUP", "ARMY", "FORCES", "KNESSET", "AUTHORITY", "CORPS", "OFFICE", "MINISTRY", "BUNDESWEHR", "BUNDESTAG", "HOUTHIS", "FRONT", "M23", "ISLAMIC_STATE"];
        Assert.All(undated, name => Assert.True(bodies.Any(b => name.Contains(b, StringComparison.Ordinal)), $"{name} has an undated role"));
    }

    [Theory]
    [InlineData("Xi Jinping")]
    [InlineData("Sergei Lavrov")]
    [InlineData("Wang Yi")]
    [InlineData("Narendra Modi")]
    [InlineData("Kim Jong Un")]
    [InlineData("Nicolas Maduro")]
    [InlineData("Recep Tayyip Erdogan")]
    [InlineData("Antonio Guterres")]
    public void LeadersAreKnownAsPersons(string name) =>
        Assert.True(ActorTestData.Default.Dictionary.FindActor(name)!.IsPerson);
}
