using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// <c>POST /call</c> (one call or a batch) is never sent twice, whatever the failure, even a 429 that other POSTs
/// retry: a second request could ring the customer again. When the outcome is unknown the error says how to look for
/// the call, and that look-up works.
/// </summary>
public sealed class CallCreateResilienceTests : ResilienceScenario
{
    private const string Hint = "a call may have been placed; look for it with Calls.ListAsync (PhoneNumberId and CreatedAtGt) before placing it again";

    [Test]
    public async Task A_call_create_answered_503_after_the_call_was_placed_is_sent_once_and_says_how_to_look_for_it()
    {
        var number = await CreateTrunkAndNumberAsync();
        Fault(SandboxFault.ServerError(503), "POST", "/call", afterProcessing: true);

        var ex = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(number.Id))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.IsOutcomeUnknown, Is.True);
            Assert.That(ex.IsTimeout, Is.False);
            Assert.That(ex.Message, Does.Contain("The outcome is unknown, so the SDK did not send it again: " + Hint));
            Assert.That(RequestsTo("POST", "/call").Select(r => r.Status), Is.EqualTo(new[] { 503 }), "sent once");
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(1), "the call exists once");
        });
    }

    [Test]
    public async Task A_call_create_that_times_out_is_sent_once_and_is_a_timeout_with_an_unknown_outcome()
    {
        var number = await CreateTrunkAndNumberAsync();
        var client = NewClient(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        Fault(SandboxFault.Timeout(), "POST", "/call", afterProcessing: true);
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<VapiException>(() => client.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId, PhoneNumberId = number.Id, Customer = new VapiCustomer { Number = Customer },
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsTimeout, Is.True);
            Assert.That(ex.IsOutcomeUnknown, Is.True);
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.Message, Does.Contain("no response within 0.3 s (timed out)").And.Contain("the outcome is unknown, so the SDK did not send it again: " + Hint));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "one attempt of 300 ms, no retry");
            Assert.That(RequestsTo("POST", "/call"), Has.Count.EqualTo(1), "sent once");
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_call_create_answered_429_is_not_replayed_although_other_posts_are()
    {
        var number = await CreateTrunkAndNumberAsync();
        var rule = Fault(SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), "POST", "/call", times: 1);
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(number.Id))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsRateLimited, Is.True);
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(ex.IsOutcomeUnknown, Is.False, "a 429 was not processed");
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(RequestsTo("POST", "/call"), Has.Count.EqualTo(1), "not replayed, though the next attempt would have succeeded");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "the Retry-After was not waited for");
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_call_create_whose_connection_drops_after_the_call_was_placed_is_sent_once_and_the_recommended_list_finds_the_call()
    {
        var trunk = await CreateTrunkAsync();
        var number = await CreateNumberAsync(trunk.Id);
        var otherNumber = await CreateNumberAsync(trunk.Id, "+918047490925");
        var earlier = await PlaceCallAsync(number.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var attemptedAt = Start.AddMinutes(1);
        var unrelated = await PlaceCallAsync(otherNumber.Id);
        Fault(SandboxFault.DropConnection(), "POST", "/call", times: 1, afterProcessing: true);

        var ex = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(number.Id))!;
        var found = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { PhoneNumberId = number.Id, CreatedAtGt = attemptedAt.AddSeconds(-1) }));

        var placed = Sandbox.Vapi.Calls.Select(c => (string)c["id"]!).Except([earlier.Id, unrelated.Id]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.IsOutcomeUnknown, Is.True);
            Assert.That(ex.Message, Does.Contain("the connection to 127.0.0.1 failed after the request may have been sent").And.Contain(Hint));
            Assert.That(RequestsTo("POST", "/call").Select(r => (r.Fault, r.Status)), Is.EqualTo(new[]
            {
                ((SandboxFaultKind?)null, 201), (null, 201), (SandboxFaultKind.DropConnection, 0),
            }), "two calls placed normally, then the dropped one, sent once");
            Assert.That(placed, Has.Count.EqualTo(1), "the dropped create placed exactly one call");
            Assert.That(found.Select(c => c.Id), Is.EqualTo(placed), "PhoneNumberId leaves out the other number's call, CreatedAtGt the earlier one");
            Assert.That(found.Select(c => c.Customer?.Number), Is.EqualTo(new[] { Customer }));
        });
    }

    [TestCase(SandboxFaultKind.ServerError)]
    [TestCase(SandboxFaultKind.DropConnection)]
    [TestCase(SandboxFaultKind.RateLimited)]
    public async Task A_batch_create_is_never_replayed_either(SandboxFaultKind kind)
    {
        var number = await CreateTrunkAndNumberAsync();
        var fault = kind switch
        {
            SandboxFaultKind.ServerError => SandboxFault.ServerError(502),
            SandboxFaultKind.DropConnection => SandboxFault.DropConnection(),
            _ => SandboxFault.RateLimited(TimeSpan.FromSeconds(1)),
        };
        var processed = kind != SandboxFaultKind.RateLimited;
        Fault(fault, "POST", "/call", times: 1, afterProcessing: processed);

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId,
            PhoneNumberId = number.Id,
            Customers = [new VapiCustomer { Number = Customer }, new VapiCustomer { Number = "+919876500001" }],
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("POST", "/call"), Has.Count.EqualTo(1), "sent once, though the next attempt would have succeeded");
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(processed ? 2 : 0));
            Assert.That(ex.IsOutcomeUnknown, Is.EqualTo(processed));
            Assert.That(ex.Message, processed ? Does.Contain(Hint) : Does.Not.Contain("outcome is unknown"));
        });
    }
}
