namespace Exotel.VSip.Tests.Sandbox;

/// <summary>Refusals from the server become one typed exception with Exotel's code, message and description; the client's own checks cost no request.</summary>
public sealed class ErrorMappingScenarioTests : SandboxScenario
{
    private const string RegionHint =
        "Check ExotelClientOptions.ApiKey and ApiToken, and the Region or BaseAddress: an account answers only on its own cluster (Mumbai api.in.exotel.com, Singapore api.exotel.com).";
    private const string WrongToken = "vx-wrong-token-0000";

    [Test]
    public void A_wrong_api_token_fails_on_the_trunk_api_with_401_code_1010_and_the_region_hint()
    {
        var client = NewClient(o => o.ApiToken = WrongToken);

        var e = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;

        var request = ReceivedOnce("GET", V2("trunks"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(401));
            Assert.That(e.ResponseCode, Is.EqualTo(401));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.AuthenticationFailed));
            Assert.That(e.ErrorMessage, Is.EqualTo("Authorization failed"));
            Assert.That(e.IsAuthenticationFailure, Is.True);
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(e.Message, Does.Contain("(HTTP 401, error 1010, request id " + e.RequestId + ").").And.EndWith(RegionHint));
            Assert.That(e.Message.Contains(WrongToken, StringComparison.Ordinal), Is.False, "the message shows the token");
            Assert.That(request.Status, Is.EqualTo(401));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Basic ***"));
        });
    }

    [Test]
    public void A_wrong_api_token_fails_on_the_voice_api_with_401_and_the_region_hint()
    {
        var client = NewClient(o => o.ApiToken = WrongToken);

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Calls.ConnectAsync(new ConnectCallRequest("+919876543210", "+919123456789", ExoPhone)))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(401));
            Assert.That(e.ErrorMessage, Is.EqualTo("Authorization failed"));
            Assert.That(e.IsAuthenticationFailure, Is.True);
            Assert.That(e.Operation, Is.EqualTo("POST /v1/Accounts/{account_sid}/Calls/connect.json"));
            Assert.That(e.Message, Does.EndWith(RegionHint));
            Assert.That(e.Message.Contains(WrongToken, StringComparison.Ordinal), Is.False, "the message shows the token");
            Assert.That(Sandbox.Exotel.Calls, Is.Empty);
        });
    }

    [Test]
    public void A_domain_name_off_the_exotel_pstn_domain_is_refused_with_code_1002_and_its_description()
    {
        var e = Assert.ThrowsAsync<ExotelException>(
            () => Client.Trunks.CreateAsync(new CreateTrunkRequest("vx_domain") { DomainName = "sandbox1.sip.example.org" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(400));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(e.ErrorMessage, Is.EqualTo("Invalid parameter"));
            Assert.That(e.Description, Is.EqualTo("Domain name should end with .pstn.exotel.com"));
            Assert.That(e.IsDuplicate || e.IsNotFound || e.IsAuthenticationFailure || e.IsRateLimited, Is.False);
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        });
    }

    [Test]
    public void Writing_to_a_trunk_the_account_does_not_have_is_not_found_with_code_1000()
    {
        var e = Assert.ThrowsAsync<ExotelException>(() => Client.PhoneNumbers.MapAsync("trmum1doesnotexist000000000a1n", "+919876543210"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsNotFound, Is.True);
            Assert.That(e.Status, Is.EqualTo(404));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.NotFound));
            Assert.That(e.ErrorMessage, Is.EqualTo("Not Found"));
            Assert.That(e.Description, Is.EqualTo("Not Found"));
            Assert.That(e.Operation, Is.EqualTo("POST /v2/accounts/{account_sid}/trunks/{trunk_sid}/phone-numbers"));
        });
    }

    [Test]
    public async Task An_over_long_number_is_refused_by_the_client_before_the_server_could_answer_not_found()
    {
        var trunk = await CreateTrunkAsync();
        Sandbox.ClearRequests();

        var map = Assert.ThrowsAsync<ArgumentException>(() => Client.PhoneNumbers.MapAsync(trunk.Sid, "+9198765432101234"))!;
        var lookup = Assert.ThrowsAsync<ArgumentException>(() => Client.PhoneNumbers.LookupAsync("+9198765432101234"))!;

        Assert.Multiple(() =>
        {
            Assert.That(map.ParamName, Is.EqualTo("phoneNumber"));
            Assert.That(map.Message, Does.Contain("must be an E.164 number"));
            Assert.That(lookup.ParamName, Is.EqualTo("phoneNumber"));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }
}
