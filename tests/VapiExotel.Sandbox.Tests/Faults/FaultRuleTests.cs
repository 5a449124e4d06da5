using System.Net;

namespace VapiExotel.Sandbox.Tests.Faults;

/// <summary>Which requests a fault rule hits (API, method, path, Nth, Times), before or after processing, and its counters.</summary>
public sealed class FaultRuleTests : Support.SandboxTest
{
    private const string Credential = """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""";

    [Test]
    public async Task Nth_with_Times_1_fails_only_the_third_matching_request()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Path = "/assistant", Nth = 3, Times = 1 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status);
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK }));
            Assert.That(rule.Matched, Is.EqualTo(5));
            Assert.That(rule.Applied, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Nth_without_Times_fails_every_matching_request_from_the_nth_on()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Path = "/assistant", Nth = 3 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status);
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[]
            {
                HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError,
            }));
            Assert.That(rule.Applied, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Times_limits_how_often_the_fault_applies()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), Times = 2 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SendAsync(Vapi, HttpMethod.Get, "credential")).Status);
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK }));
            Assert.That(rule.Matched, Is.EqualTo(4));
            Assert.That(rule.Applied, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_rule_matches_only_its_api_method_and_path()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Api = SandboxApi.Vapi, Method = "POST", Path = "/credential" });
        var getCredentials = (await SendAsync(Vapi, HttpMethod.Get, "credential")).Status;
        var postCredential = (await SendAsync(Vapi, HttpMethod.Post, "credential", Credential)).Status;
        var postPhoneNumber = (await SendAsync(Vapi, HttpMethod.Post, "phone-number", "{}")).Status;
        var exotel = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks"))).Status;
        Assert.Multiple(() =>
        {
            Assert.That(getCredentials, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(postCredential, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(postPhoneNumber, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(exotel, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(rule.Matched, Is.EqualTo(1));
            Assert.That(rule.Applied, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_method_matches_whatever_its_case()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Method = "get", Path = "/assistant" });
        var (status, _) = await SendAsync(Vapi, HttpMethod.Get, "assistant");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(rule.Applied, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_single_star_matches_within_one_segment()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Path = "/v2/accounts/*/trunks" });
        var trunks = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks"))).Status;
        var deeper = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks/trmum1x/whitelisted-ips"))).Status;
        Assert.Multiple(() =>
        {
            Assert.That(trunks, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(deeper, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(rule.Matched, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_double_star_matches_across_segments()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(502), Path = "/v2/**" });
        var trunks = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks"))).Status;
        var deeper = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks/trmum1x/whitelisted-ips"))).Status;
        var v1 = (await SendAsync(Exotel, HttpMethod.Get, V1("Calls/abc.json"))).Status;
        Assert.Multiple(() =>
        {
            Assert.That(trunks, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(deeper, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(v1, Is.Not.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(rule.Matched, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_path_matches_exactly_not_as_a_prefix()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Path = "/credential" });
        var id = (string)(await CreateCredentialAsync())["id"]!;
        var (status, _) = await SendAsync(Vapi, HttpMethod.Get, $"credential/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(rule.Matched, Is.EqualTo(0));
        });

        async Task<System.Text.Json.Nodes.JsonNode> CreateCredentialAsync()
        {
            Sandbox.Faults.Remove(rule);
            var (created, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", Credential);
            Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
            Sandbox.Faults.Add(rule);
            return body!;
        }
    }

    [Test]
    public async Task A_global_fault_for_one_api_leaves_the_other_alone()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(), SandboxApi.Exotel);
        var exotel = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks"))).Status;
        var vapi = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        Assert.Multiple(() =>
        {
            Assert.That(exotel, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(vapi, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_global_fault_without_an_api_hits_both()
    {
        var rule = Sandbox.Faults.AddGlobal(SandboxFault.ServerError(503));
        var exotel = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks"))).Status;
        var vapi = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        Assert.Multiple(() =>
        {
            Assert.That(exotel, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(vapi, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(rule.Applied, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task After_processing_the_credential_exists_although_the_client_saw_a_500()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Method = "POST", Path = "/credential", AfterProcessing = true });
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", Credential);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That((int?)body!["statusCode"], Is.EqualTo(500));
            Assert.That(body["id"], Is.Null);
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1));
            Assert.That(Sandbox.Requests.Single().Status, Is.EqualTo(500));
        });
    }

    [Test]
    public async Task Before_processing_the_credential_is_not_created()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Method = "POST", Path = "/credential" });
        var (status, _) = await SendAsync(Vapi, HttpMethod.Post, "credential", Credential);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task A_dropped_connection_after_processing_still_creates_the_trunk()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.DropConnection(), Api = SandboxApi.Exotel, Method = "POST", AfterProcessing = true });
        using var content = new StringContent($$"""{"trunk_name":"vx_trunk","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""",
            System.Text.Encoding.UTF8, "application/json");
        Assert.ThrowsAsync<HttpRequestException>(() => Exotel.PostAsync(V2("trunks"), content));
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_name"]), Is.EqualTo(new[] { "vx_trunk" }));
    }

    [Test]
    public async Task Removing_a_rule_stops_it()
    {
        var rule = Sandbox.Faults.AddGlobal(SandboxFault.ServerError());
        var before = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        var removed = Sandbox.Faults.Remove(rule);
        var removedAgain = Sandbox.Faults.Remove(rule);
        var after = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(removed, Is.True);
            Assert.That(removedAgain, Is.False);
            Assert.That(after, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Sandbox.Faults.Rules, Is.Empty);
            Assert.That(rule.Matched, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Clear_removes_every_rule()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(), SandboxApi.Vapi);
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(), SandboxApi.Exotel);
        Assert.That(Sandbox.Faults.Rules, Has.Count.EqualTo(2));
        Sandbox.Faults.Clear();
        var vapi = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        var exotel = (await SendAsync(Exotel, HttpMethod.Get, V2("trunks"))).Status;
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Faults.Rules, Is.Empty);
            Assert.That(vapi, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(exotel, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task The_first_rule_that_applies_wins_but_every_matching_rule_counts_the_request()
    {
        var first = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(502), Path = "/assistant", Times = 1 });
        var second = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Path = "/assistant" });
        var one = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        var two = (await SendAsync(Vapi, HttpMethod.Get, "assistant")).Status;
        Assert.Multiple(() =>
        {
            Assert.That(one, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(two, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((first.Matched, first.Applied), Is.EqualTo((2, 1)));
            Assert.That((second.Matched, second.Applied), Is.EqualTo((2, 1)));
        });
    }

    [Test]
    public void A_rule_with_invalid_settings_is_refused_when_added()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Nth = 0 }),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("Nth"));
            Assert.That(() => Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Times = 0 }),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("Times"));
            Assert.That(() => Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Path = "credential" }),
                Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("Path"));
            Assert.That(Sandbox.Faults.Rules, Is.Empty);
        });
    }

    [Test]
    public async Task Faulted_requests_are_logged_with_their_fault_and_others_without()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Path = "/assistant", Nth = 2, Times = 1 });
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        var log = Sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(r => r.Fault), Is.EqualTo(new SandboxFaultKind?[] { null, SandboxFaultKind.ServerError }));
            Assert.That(log.Select(r => r.Status), Is.EqualTo(new[] { 200, 500 }));
        });
    }
}
