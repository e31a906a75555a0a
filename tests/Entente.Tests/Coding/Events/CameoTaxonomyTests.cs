using Entente.Coding.Cameo;

namespace Entente.Tests.Coding.Events;

public sealed class CameoTaxonomyTests
{
    private static readonly Lazy<CameoTaxonomy> Taxonomy = new(() => CameoTaxonomy.Load(
        Path.Combine(TestPaths.Repo, "data", "cameo", "cameo-codes.tsv"),
        Path.Combine(TestPaths.Repo, "data", "cameo", "CAMEO2PLOVER-2021.txt")));

    [Fact]
    public void EveryCodeOfTheTable_IsLoaded() => Assert.Equal(316, Taxonomy.Value.CodeCount);

    [Fact]
    public void Assault_HasItsGoldsteinQuadClassAndPloverType()
    {
        var info = Taxonomy.Value.Lookup("195")!;
        Assert.Equal(-9.0, info.Goldstein);
        Assert.Equal(4, info.QuadClass);
        Assert.Equal("ASSAULT", info.Plover);
        Assert.Equal("heavy-weapons", info.Mode);
        Assert.Equal(["military"], info.Context);
    }

    [Fact]
    public void Appeal_IsRequest_WithTheModeAndContextOfTheParallelDemand()
    {
        var appeal = Taxonomy.Value.Lookup("0231")!;
        Assert.Equal("REQUEST", appeal.Plover);
        Assert.Equal("assist", appeal.Mode);
        Assert.Equal(["economic"], appeal.Context);
        Assert.Equal(1, appeal.QuadClass);
    }

    [Fact]
    public void PublicStatement_HasNoPloverType()
    {
        var statement = Taxonomy.Value.Lookup("010")!;
        Assert.Null(statement.Plover);
        Assert.Equal(1, statement.QuadClass);
    }

    [Fact]
    public void FinerCodeThanTheTable_FallsBackToItsPrefix()
    {
        var info = Taxonomy.Value.Lookup("1717")!; // a CAMEO.2.0 code the tables do not list
        Assert.Equal("171", info.Code);
        Assert.Equal("COERCE", info.Plover);
    }

    [Theory]
    [InlineData("010", 1)]
    [InlineData("046", 1)]
    [InlineData("057", 2)]
    [InlineData("087", 2)]
    [InlineData("112", 3)]
    [InlineData("130", 3)]
    [InlineData("141", 4)]
    [InlineData("204", 4)]
    [InlineData("abc", 0)]
    public void QuadClass_FollowsGdelt(string code, int quad) => Assert.Equal(quad, CameoTaxonomy.QuadClassOf(code));

    [Fact]
    public void EveryCodeOfTheTable_HasAPloverTypeOfTheSixteenAndTheQuadClassOfItsRoot()
    {
        // DESIGN.md: plover is one of the 16 types, REQUEST for CAMEO 02, null only for CAMEO 01.
        string[] types = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
            "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
        var codes = File.ReadLines(Path.Combine(TestPaths.Repo, "data", "cameo", "cameo-codes.tsv"))
            .Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(Taxonomy.Value.CodeCount, codes.Count);
        foreach (var code in codes)
        {
            var info = Taxonomy.Value.Lookup(code)!;
            var root = int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(root switch { <= 4 => 1, <= 8 => 2, <= 13 => 3, _ => 4 }, info.QuadClass);
            if (root == 1)
                Assert.Null(info.Plover);
            else if (root == 2)
                Assert.Equal("REQUEST", info.Plover);
            else
                Assert.True(info.Plover is not null && types.Contains(info.Plover), $"{code}: {info.Plover ?? "null"}");
        }
    }

    [Fact]
    public void NonCameoCode_HasNoInfo() => Assert.Null(Taxonomy.Value.Lookup("174K".Replace("174", "xx", StringComparison.Ordinal)));

    [Fact]
    public void MalformedLines_AreDiagnosticsAndTheRestLoads()
    {
        var diags = new List<Entente.Nlp.Documents.Diagnostic>();
        var t = CameoTaxonomy.Parse(["code\tgoldstein\tquad_class\tdescription", "190\t-10\t4\tFight", "nonsense", "191\tx\t4\tBad"],
            ["19: ASSAULT", "190: ASSAULT, , military", "what is this"], diags);

        Assert.Equal(1, t.CodeCount);
        Assert.Equal(["bad-cameo-code", "bad-cameo-code", "bad-plover-line"], diags.Select(d => d.Code));
        Assert.Equal("ASSAULT", t.Lookup("190")!.Plover);
    }
}
