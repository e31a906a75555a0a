using Entente.Coding.Actors;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Actors;

public sealed class ActorDictionaryReaderTests
{
    private static List<ActorRecord> Read(string text, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        return ActorDictionaryReader.Read(new StringReader(text), "test.actors", diagnostics);
    }

    [Fact]
    public void PrimaryLine_WithCodeAndSynonyms_IsOneRecord()
    {
        var records = Read("""
            CHINA_  [CHN]
            +CHINESE_
            +PEOPLE'S_REPUBLIC_OF_CHINA
            """, out var diags);
        var r = Assert.Single(records);
        Assert.Equal(["CHINA_", "CHINESE_", "PEOPLE'S_REPUBLIC_OF_CHINA"], r.Phrases);
        Assert.Equal(ActorRole.Undated("CHN"), Assert.Single(r.Roles));
        Assert.Empty(diags);
    }

    [Fact]
    public void DatedRoles_AllForms_AreParsed()
    {
        var records = Read("""
            GOLLUM  # pas 27 Apr 03
            +SMEAGOL
            	[HOB < 950601]
            	[HOBGOV 19950601 - 19990815]
            	[HOBREB > 990816]
            	[HOBELI 20121204]
            """, out var diags);
        var roles = Assert.Single(records).Roles;
        Assert.Empty(diags);
        Assert.Equal(4, roles.Count);
        Assert.Equal(new DateOnly(1995, 5, 31), roles[0].To);
        Assert.Null(roles[0].From);
        Assert.Equal((new DateOnly(1995, 6, 1), new DateOnly(1999, 8, 15)), (roles[1].From!.Value, roles[1].To!.Value));
        Assert.Equal(new DateOnly(1999, 8, 16), roles[2].From);
        Assert.Null(roles[2].To);
        Assert.Equal(new DateOnly(2012, 12, 4), roles[3].From); // a bare date means "from"
    }

    [Fact]
    public void TwoDigitYears_UpTo30_AreThe2000s()
    {
        Assert.True(ActorDictionaryReader.TryParseDay("300101", out var d30, out _));
        Assert.True(ActorDictionaryReader.TryParseDay("310101", out var d31, out _));
        Assert.Equal(2030, DateOnly.FromDayNumber(d30).Year);
        Assert.Equal(1931, DateOnly.FromDayNumber(d31).Year);
    }

    [Theory]
    [InlineData("[ARMUNR 9008223-911221]")]
    [InlineData("[GBRGOV >201005011]")]
    [InlineData("[USAGOV 20100231-20110101]")]
    [InlineData("[USAGOV 20110101-20100101]")]
    [InlineData("[USAGOV >2010O101]")]
    public void BadDate_IsAWarningWithTheLine_AndTheRestStillLoads(string badRole)
    {
        var records = Read($"""
            FIRST_ [AAA]
            SECOND_
            	{badRole}
            	[USAELI]
            THIRD_ [CCC]
            """, out var diags);
        Assert.Equal(3, records.Count);
        Assert.Equal(ActorRole.Undated("USAELI"), Assert.Single(records[1].Roles));
        var d = Assert.Single(diags);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(3, d.Line);
        Assert.Equal("test.actors", d.Source);
    }

    [Fact]
    public void XmlAndHashComments_AreSkipped_AcrossLines()
    {
        var records = Read("""
            <!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->
            <!-- a comment
                 NOT_AN_ACTOR [XXX]
            -->
            # NASGUL [###]
            DENMARK  [DNK] # jw
            +DANISH
            """, out var diags);
        var r = Assert.Single(records);
        Assert.Equal("DENMARK", r.Phrases[0]);
        Assert.Equal(["DENMARK", "DANISH"], r.Phrases);
        Assert.Empty(diags);
    }

    [Fact]
    public void ActorWithoutAnyCode_IsDroppedWithAnInfoDiagnostic()
    {
        var records = Read("""
            XU_YONGYUE_  # CountryInfo.txt
            VICTOR_ROSSI_
            	[URYGOVBUS 050301-100331]
            """, out var diags);
        Assert.Equal("VICTOR_ROSSI_", Assert.Single(records).Phrases[0]);
        Assert.Equal(Severity.Info, Assert.Single(diags).Severity);
    }

    [Fact]
    public void LowerCaseAndAlternativeCodes_AreNormalised()
    {
        var records = Read("""
            PALESTINIAN [pse]
            LORIEN  [ELR/GAL]
            """, out _);
        Assert.Equal("PSE", records[0].Roles[0].Code);
        Assert.Equal("ELR/GAL", records[1].Roles[0].Code);
    }

    [Fact]
    public void PhraseNamingSeveralActors_GivesTheFirstCodeAndAllOfThem()
    {
        var dict = ActorDictionary.FromText([("THE_SHIRE  [FRO/BIL/SAM]", DictionaryKind.Actors, Entente.Coding.Resolution.Dictionary)]);
        var entry = dict.FindActor("the Shire")!;
        Assert.Equal("FRO", entry.CodeOn(null));
        Assert.Equal(["FRO", "BIL", "SAM"], entry.AlternativesOn(null)!);
        var lexicon = ActorResolver.LoadDefaultLexicon(new Entente.Nlp.DataDirectory(Path.Combine(TestPaths.Repo, "data")));
        var mentions = ActorTestData.Resolve(ActorTestData.FromWords(null, "The Shire protested ."), new ActorResolver(dict, lexicon));
        var m = ActorTestData.Find(mentions, "The Shire");
        Assert.Equal("FRO", m.Code);
        Assert.Equal(["FRO", "BIL", "SAM"], m.Codes!);
    }

    [Fact]
    public void PhoenixDictionaries_LoadWithoutErrors_AndKnowTheCountries()
    {
        var dict = ActorTestData.Default.Dictionary;
        Assert.DoesNotContain(dict.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(dict.ActorPhraseCount > 30_000, $"{dict.ActorPhraseCount} actor phrases");
        Assert.True(dict.AgentPhraseCount > 3_000, $"{dict.AgentPhraseCount} agent phrases");
        Assert.Equal("RUS", dict.FindActor("Russian Federation")!.CodeOn(null));
        Assert.Equal("CHN", dict.FindActor("People's Republic of China")!.CodeOn(null));
        Assert.NotEmpty(dict.Discards);
        Assert.NotEmpty(dict.Issues);
    }

    [Fact]
    public void MissingFile_IsAnErrorDiagnostic_NotAnException()
    {
        var dict = ActorDictionary.Load([new DictionaryFile("/nonexistent/x.actors.txt", DictionaryKind.Actors)]);
        var d = Assert.Single(dict.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(0, dict.ActorPhraseCount);
    }
}
