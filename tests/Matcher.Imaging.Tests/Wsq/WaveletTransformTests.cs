using Matcher.Imaging.Wsq;
using Xunit;

namespace Matcher.Imaging.Tests.Wsq;

public sealed class WaveletTransformTests
{
    [Fact]
    public void One_split_and_its_reconstruction_are_exact_inverses_for_every_length()
    {
        var random = new Random(7);
        var filters = WaveletFilters.Standard;
        for (var length = 1; length <= 80; length++)
        {
            foreach (var inverted in new[] { false, true })
            {
                var layout = new LineLayout(length, inverted);
                var line = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 256 - 128)).ToArray();

                var restored = Apply(LinePlan.Synthesis(layout, filters), Apply(LinePlan.Analysis(layout, filters), line));

                var error = line.Zip(restored, (a, b) => Math.Abs(a - b)).Max();
                Assert.True(error < 1e-3, $"length {length}, inverted {inverted}: error {error}");
            }
        }
    }

    [Fact]
    public void Halves_have_the_documented_sizes_and_order()
    {
        Assert.Equal((4, 3, 4), (new LineLayout(7, false).LowCount, new LineLayout(7, false).HighCount, new LineLayout(7, false).FirstCount));
        Assert.Equal(3, new LineLayout(7, true).FirstCount);
        Assert.Equal((3, 0), (new LineLayout(7, true).LowOffset, new LineLayout(7, true).HighOffset));
        Assert.Equal([2, 1, 0, 1, 2, 1, 0], Enumerable.Range(-2, 7).Select(new LineLayout(3, false).Fold).ToArray());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(32, 32)]
    [InlineData(33, 47)]
    [InlineData(300, 300)]
    [InlineData(296, 560)]
    [InlineData(417, 389)]
    public void The_2d_transform_reconstructs_any_plane(int width, int height)
    {
        var random = new Random(width * 1000 + height);
        var tree = SubbandTree.For(width, height);
        var original = Enumerable.Range(0, width * height).Select(_ => (float)(random.NextDouble() * 256 - 128)).ToArray();
        var plane = (float[])original.Clone();
        var transform = new WaveletTransform(WaveletFilters.Standard);

        transform.Analyze(plane, width, tree);
        transform.Synthesize(plane, width, tree);

        var error = original.Zip(plane, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(error < 2e-3, $"{width} x {height}: error {error}");
    }

    [Fact]
    public void The_subbands_tile_the_image_for_every_size_up_to_70()
    {
        for (var width = 1; width <= 70; width++)
        {
            for (var height = 1; height <= 70; height += width % 7 + 1)
            {
                var tree = SubbandTree.For(width, height);
                Assert.Equal(64, tree.Subbands.Length);
                Assert.Equal(20, tree.Nodes.Length);
                var covered = new int[width * height];
                foreach (var band in tree.Subbands)
                {
                    for (var y = band.Y; y < band.Y + band.Height; y++)
                    {
                        for (var x = band.X; x < band.X + band.Width; x++)
                        {
                            covered[y * width + x]++;
                        }
                    }
                }
                Assert.True(covered.All(c => c == 1), $"{width} x {height}: the subbands overlap or leave gaps");
            }
        }
    }

    [Fact]
    public void The_832_by_768_tree_has_the_published_subband_sizes()
    {
        var tree = SubbandTree.For(832, 768);

        Assert.Equal(new Band(0, 0, 26, 24), tree.Subbands[0]);
        Assert.Equal(new Band(26, 24, 26, 24), tree.Subbands[3]);
        Assert.Equal(new Band(52, 0, 52, 48), tree.Subbands[4]);
        Assert.Equal(new Band(208, 192, 208, 192), tree.Subbands[51]);
        Assert.Equal(new Band(416, 0, 208, 192), tree.Subbands[52]);
        Assert.Equal(new Band(208, 576, 208, 192), tree.Subbands[59]);
        Assert.Equal(new Band(624, 576, 208, 192), tree.Subbands[63]);
    }

    private static float[] Apply(LinePlan plan, float[] input)
    {
        var output = new float[plan.OutputCount];
        for (var i = 0; i < output.Length; i++)
        {
            for (var t = plan.Starts[i]; t < plan.Starts[i + 1]; t++)
            {
                output[i] += plan.Weights[t] * input[plan.Sources[t]];
            }
        }
        return output;
    }
}
