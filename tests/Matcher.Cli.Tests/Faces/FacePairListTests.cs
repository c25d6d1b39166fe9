using Matcher.Cli.Commands.Faces;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Faces;

public sealed class FacePairListTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void ReadsPairsWithAndWithoutFolds()
    {
        File.WriteAllText(_file, "image1,image2,same,fold\na/1.jpg,a/2.jpg,1,0\na/1.jpg,b/1.jpg,0,3\n");

        var pairs = FacePairList.ReadCsv(_file);

        Assert.Equal([new FacePair("a/1.jpg", "a/2.jpg", true, 0), new FacePair("a/1.jpg", "b/1.jpg", false, 3)], pairs);
    }

    [Fact]
    public void ReadsTheLfwDevTestList()
    {
        var pairs = FacePairList.ReadCsv(Path.Combine(Datasets.Require("faces/lfw"), "pairsDevTest.csv"));

        Assert.Equal(1000, pairs.Count);
        Assert.Equal(500, pairs.Count(p => p.Same));
        Assert.All(pairs, p => Assert.Null(p.Fold));
    }

    [Theory]
    [InlineData("first,second\na,b\n")]
    [InlineData("image1,image2,same\na,b,yes\n")]
    [InlineData("image1,image2,same,fold\na,b,1,x\n")]
    [InlineData("")]
    public void MalformedListsAreUsageErrors(string content)
    {
        File.WriteAllText(_file, content);

        Assert.Throws<CliUsageException>(() => FacePairList.ReadCsv(_file));
    }

    [Fact]
    public void FolderPairsOfOrlAreAllSamePairsAndAsManySeededDifferentPairsInTenFolds()
    {
        var root = Datasets.Require("faces/orl-att");

        var pairs = FacePairList.FromFolders(root, seed: 1);

        Assert.Equal(40 * 45, pairs.Count(p => p.Same));
        Assert.Equal(40 * 45, pairs.Count(p => !p.Same));
        Assert.All(pairs.Where(p => !p.Same), p => Assert.NotEqual(Path.GetDirectoryName(p.Image1), Path.GetDirectoryName(p.Image2)));
        Assert.Equal(Enumerable.Range(0, 10), pairs.Select(p => p.Fold!.Value).Distinct().Order());
        Assert.Equal(pairs, FacePairList.FromFolders(root, seed: 1));
        Assert.NotEqual(pairs, FacePairList.FromFolders(root, seed: 2));
    }
}
