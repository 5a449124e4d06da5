namespace Vapi.Client.Tests.Sandbox;

/// <summary>The sandbox answers in Vapi's (NestJS) error shape; the client turns each answer into the right <see cref="VapiException"/>.</summary>
public sealed class ErrorScenarioTests : SandboxScenario
{
    private const string InvalidKey = "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.";

    [Test]
    public void A_wrong_key_is_an_authentication_failure_and_nothing_is_created()
    {
        var stranger = NewClient(o => o.ApiKey = "not-the-sandbox-key");

        var create = Assert.ThrowsAsync<VapiException>(() => stranger.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
        }))!;
        var list = Assert.ThrowsAsync<VapiException>(async () => await AllAsync(stranger.Assistants.ListAsync()))!;

        Assert.Multiple(() =>
        {
            foreach (var ex in new[] { create, list })
            {
                Assert.That(ex.Status, Is.EqualTo(401));
                Assert.That(ex.IsAuthenticationFailure, Is.True);
                Assert.That(ex.IsValidationError, Is.False);
                Assert.That(ex.IsOutcomeUnknown, Is.False);
                Assert.That(ex.Error, Is.EqualTo("Unauthorized"));
                Assert.That(ex.Messages, Is.EqualTo(new[] { InvalidKey }));
                Assert.That(ex.Message, Does.Contain("Check VapiClientOptions.ApiKey"));
                Assert.That(ex.Message.Contains("not-the-sandbox-key", StringComparison.Ordinal), Is.False, "the key is not in the message");
            }

            Assert.That(create.Operation, Is.EqualTo("POST /credential"));
            Assert.That(list.Operation, Is.EqualTo("GET /assistant"));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public void Unknown_ids_are_not_found_on_every_resource()
    {
        var id = Guid.NewGuid().ToString();

        var failures = new (VapiException Exception, string Operation, string Message)[]
        {
            (Assert.ThrowsAsync<VapiException>(() => Client.Credentials.GetAsync(id))!, "GET /credential/{id}", "Credential not found"),
            (Assert.ThrowsAsync<VapiException>(() => Client.Credentials.UpdateSipTrunkAsync(id, new UpdateSipTrunkCredentialRequest { Name = "x" }))!, "PATCH /credential/{id}", "Credential not found"),
            (Assert.ThrowsAsync<VapiException>(() => Client.PhoneNumbers.GetAsync(id))!, "GET /phone-number/{id}", "Phone number not found"),
            (Assert.ThrowsAsync<VapiException>(() => Client.PhoneNumbers.UpdateAsync(id, new UpdateByoPhoneNumberRequest { Name = "x" }))!, "PATCH /phone-number/{id}", "Phone number not found"),
            (Assert.ThrowsAsync<VapiException>(() => Client.PhoneNumbers.DeleteAsync(id))!, "DELETE /phone-number/{id}", "Phone number not found"),
            (Assert.ThrowsAsync<VapiException>(() => Client.Calls.GetAsync(id))!, "GET /call/{id}", "Call not found"),
        };

        Assert.Multiple(() =>
        {
            foreach (var (ex, operation, message) in failures)
            {
                Assert.That(ex.IsNotFound, Is.True, operation);
                Assert.That(ex.Status, Is.EqualTo(404), operation);
                Assert.That(ex.Error, Is.EqualTo("Not Found"), operation);
                Assert.That(ex.Messages, Is.EqualTo(new[] { message }), operation);
                Assert.That(ex.Operation, Is.EqualTo(operation));
                Assert.That(ex.IsOutcomeUnknown, Is.False, operation);
            }
        });
    }

    [Test]
    public void An_id_that_is_not_a_uuid_is_a_validation_error()
    {
        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Calls.GetAsync("call-42"))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsValidationError, Is.True);
            Assert.That(ex.Messages, Is.EqualTo(new[] { "Validation failed (uuid is expected)" }));
            Assert.That(RequestsTo("GET", "/call/call-42").Single().Status, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task A_number_for_an_unknown_assistant_or_credential_is_a_validation_error_and_is_not_stored()
    {
        var trunk = await CreateTrunkAsync();
        var assistantId = Guid.NewGuid().ToString();

        var credentialId = Guid.NewGuid().ToString();

        var ex = Assert.ThrowsAsync<VapiException>(() => CreateNumberAsync(trunk.Id, assistantId: assistantId))!;
        var noCredential = Assert.ThrowsAsync<VapiException>(() => CreateNumberAsync(credentialId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.IsValidationError, Is.True);
            Assert.That(ex.Error, Is.EqualTo("Bad Request"));
            Assert.That(ex.Messages, Is.EqualTo(new[] { $"Couldn't Get Assistant. `assistantId` {assistantId} Does Not Exist." }));
            Assert.That(ex.Operation, Is.EqualTo("POST /phone-number"));
            Assert.That(ex.IsOutcomeUnknown, Is.False, "a 4xx to a create was refused");
            Assert.That(ex.Message, Does.Contain("HTTP 400 BadRequest"));
            Assert.That(noCredential.IsValidationError, Is.True);
            Assert.That(noCredential.Messages, Is.EqualTo(new[] { $"Couldn't Get Credential. `credentialId` {credentialId} Does Not Exist." }));
            Assert.That(RequestsTo("POST", "/phone-number").Select(r => r.Status), Is.EqualTo(new[] { 400, 400 }));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [Test]
    public async Task A_call_for_an_unknown_assistant_or_from_an_unknown_number_is_a_validation_error_and_nothing_dials()
    {
        var number = await CreateTrunkAndNumberAsync();
        var unknown = Guid.NewGuid().ToString();

        var noAssistant = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(number.Id, assistantId: unknown))!;
        var noNumber = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(unknown))!;

        Assert.Multiple(() =>
        {
            Assert.That(noAssistant.IsValidationError, Is.True);
            Assert.That(noAssistant.Messages, Is.EqualTo(new[] { $"Couldn't Get Assistant. `assistantId` {unknown} Does Not Exist." }));
            Assert.That(noAssistant.IsOutcomeUnknown, Is.False);
            Assert.That(noNumber.IsValidationError, Is.True);
            Assert.That(noNumber.Messages, Is.EqualTo(new[] { $"Couldn't Get Phone Number. `phoneNumberId` {unknown} Does Not Exist." }));
            Assert.That(noNumber.Operation, Is.EqualTo("POST /call"));
            Assert.That(RequestsTo("POST", "/call").Select(r => r.Status), Is.EqualTo(new[] { 400, 400 }));
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }
}
