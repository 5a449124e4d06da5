using VapiExotel.Benchmarks.Runs;

namespace VapiExotel.Benchmarks.Tests;

public sealed class RequestTimelineTests
{
    private static RequestTimeline.Entry E(long start, long end) => new(start, end, "GET", "/");

    [Test]
    public void Overlapping_requests_are_one_round_trip() =>
        Assert.That(RequestTimeline.CriticalPathDepth([E(0, 100), E(10, 110), E(20, 120)]), Is.EqualTo(1));

    [Test]
    public void The_depth_is_the_longest_chain_of_requests_each_after_the_previous_ended()
    {
        // 0–100, then two in parallel (100–200, 105–205), then one after both (210–310); a long one beside them all.
        var entries = new[] { E(0, 100), E(100, 200), E(105, 205), E(210, 310), E(0, 300) };
        Assert.That(RequestTimeline.CriticalPathDepth(entries), Is.EqualTo(3));
    }

    [Test]
    public void No_requests_have_no_depth() => Assert.That(RequestTimeline.CriticalPathDepth([]), Is.Zero);
}
