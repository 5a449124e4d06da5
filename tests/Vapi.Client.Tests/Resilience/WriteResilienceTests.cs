using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// Which writes are sent again: a POST or PATCH only when the service provably did not process it (a 429), never after
/// a 5xx that may have come after the change; a DELETE, being repeatable, after any transient failure.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class WriteResilienceTests : ResilienceScenario
{
    private const string GenericHint = "check whether it took effect (list or get the resource) before sending it again";

    /// <summary>Creates the resource under test (a trunk credential, or a BYO number on a trunk made beforehand) once its fault is in place.</summary>
    private async Task<Func<Task<string>>> PrepareCreateAsync(string resource)
    {
        if (resource == "credential")
        {
            return async () => (await CreateTrunkAsync()).Id;
        }

        var trunk = await CreateTrunkAsync();
        return async () => (await CreateNumberAsync(trunk.Id)).Id;
    }

    private IReadOnlyList<System.Text.Json.Nodes.JsonObject> Stored(string resource) =>
        resource == "credential" ? Sandbox.Vapi.Credentials : Sandbox.Vapi.PhoneNumbers;

    [TestCase("credential")]
    [TestCase("phone-number")]
    public async Task A_create_answered_503_after_it_was_processed_is_sent_once_and_its_outcome_is_unknown(string resource)
    {
        var create = await PrepareCreateAsync(resource);
        Fault(SandboxFault.ServerError(503), "POST", "/" + resource, afterProcessing: true);

        var ex = Assert.ThrowsAsync<VapiException>(() => create())!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.IsOutcomeUnknown, Is.True);
            Assert.That(ex.Message, Does.Contain("The outcome is unknown, so the SDK did not send it again: " + GenericHint));
            Assert.That(RequestsTo("POST", "/" + resource).Select(r => r.Status), Is.EqualTo(new[] { 503 }), "sent once");
            Assert.That(Stored(resource), Has.Count.EqualTo(1), "created once, although the client saw a 503");
        });
    }

    [TestCase("credential")]
    [TestCase("phone-number")]
    public async Task A_create_answered_429_is_sent_again_after_the_retry_after_and_exists_once(string resource)
    {
        var create = await PrepareCreateAsync(resource);
        Fault(SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), "POST", "/" + resource, times: 1);
        var clock = Stopwatch.StartNew();

        var id = await create();

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("POST", "/" + resource).Select(r => r.Status), Is.EqualTo(new[] { 429, 201 }), "retried once");
            Assert.That(Stored(resource).Select(r => (string)r["id"]!), Is.EqualTo(new[] { id }), "exactly one resource");
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.98)), "waited for the 1 s Retry-After (less timer slack), not the 1 ms back-off");
        });
    }

    [Test]
    public async Task A_credential_update_answered_503_is_sent_once()
    {
        var trunk = await CreateTrunkAsync();
        Fault(SandboxFault.ServerError(503), "PATCH", "/credential/*", times: 1);

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Credentials.UpdateSipTrunkAsync(trunk.Id, new UpdateSipTrunkCredentialRequest { Name = "vx-renamed" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.Operation, Is.EqualTo("PATCH /credential/{id}"));
            Assert.That(RequestsTo("PATCH", "/credential/" + trunk.Id), Has.Count.EqualTo(1), "a PATCH is not repeatable: not sent again, though the next attempt would have succeeded");
            Assert.That((string?)Sandbox.Vapi.Credentials.Single()["name"], Is.EqualTo("vx-exotel-sandbox1-trunk1"));
        });
    }

    [Test]
    public async Task A_phone_number_update_answered_503_is_sent_once()
    {
        var number = await CreateTrunkAndNumberAsync();
        Fault(SandboxFault.ServerError(503), "PATCH", "/phone-number/*", times: 1);

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.PhoneNumbers.UpdateAsync(number.Id, new UpdateByoPhoneNumberRequest { Name = "Reception" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.Operation, Is.EqualTo("PATCH /phone-number/{id}"));
            Assert.That(RequestsTo("PATCH", "/phone-number/" + number.Id), Has.Count.EqualTo(1), "a PATCH is not repeatable: not sent again");
            Assert.That((string?)Sandbox.Vapi.PhoneNumbers.Single()["name"], Is.Not.EqualTo("Reception"));
        });
    }

    [Test]
    public async Task A_credential_delete_answered_503_twice_is_retried_and_succeeds()
    {
        var trunk = await CreateTrunkAsync();
        Fault(SandboxFault.ServerError(503), "DELETE", "/credential/*", times: 2);

        await Client.Credentials.DeleteAsync(trunk.Id);

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("DELETE", "/credential/" + trunk.Id).Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 200 }));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task A_phone_number_delete_answered_503_twice_is_retried_and_succeeds()
    {
        var number = await CreateTrunkAndNumberAsync();
        Fault(SandboxFault.ServerError(503), "DELETE", "/phone-number/*", times: 2);

        await Client.PhoneNumbers.DeleteAsync(number.Id);

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("DELETE", "/phone-number/" + number.Id).Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 200 }));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }
}
