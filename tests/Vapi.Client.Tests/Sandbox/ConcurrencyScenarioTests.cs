using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>An org limited to one concurrent call: the second call is created but ends at once, and says it was blocked.</summary>
public sealed class ConcurrencyScenarioTests : SandboxScenario
{
    protected override void Configure(VapiExotelSandboxOptions options) => options.VapiConcurrencyLimit = 1;

    [Test]
    public async Task A_call_beyond_the_concurrency_limit_ends_at_once_and_a_call_after_the_first_ends_goes_through()
    {
        var number = await CreateTrunkAndNumberAsync();
        var first = await PlaceCallAsync(number.Id);

        var blocked = await PlaceCallAsync(number.Id, "+919876500001");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));
        var later = await PlaceCallAsync(number.Id, "+919876500002");

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(VapiCallStatus.Queued));
            Assert.That(first.SubscriptionLimits?.ConcurrencyBlocked, Is.False);
            Assert.That(first.SubscriptionLimits?.ConcurrencyLimit, Is.EqualTo(1));
            Assert.That(first.SubscriptionLimits?.RemainingConcurrentCalls, Is.Zero);
            Assert.That(blocked.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(blocked.SubscriptionLimits?.ConcurrencyBlocked, Is.True);
            Assert.That(blocked.EndedReason, Is.EqualTo(VapiEndedReason.StartErrorConcurrencyLimitReached));
            Assert.That(blocked.EndedReason!.Value.IsStartError, Is.True);
            Assert.That(blocked.EndedReason!.Value.IsSipFailure, Is.False);
            Assert.That(later.Status, Is.EqualTo(VapiCallStatus.Queued), "the first call ended, freeing its slot");
            Assert.That(later.SubscriptionLimits?.ConcurrencyBlocked, Is.False);
        });
    }
}
