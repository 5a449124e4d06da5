using System.Globalization;
using System.Net;

namespace VapiExotel.Sandbox.Tests.Concurrency;

/// <summary>Many requests at once: nothing lost, nothing doubled, uniqueness rules hold.</summary>
public sealed class ParallelWriteTests : Support.SandboxTest
{
    private const int Count = 50;

    [Test]
    public async Task Fifty_parallel_Vapi_credential_creates_all_succeed_with_distinct_ids()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => SendAsync(Vapi, HttpMethod.Post, "credential",
            $$"""{"provider":"byo-sip-trunk","name":"parallel {{i}}","gateways":[{"ip":"129.154.231.198"}]}""")));
        var (listStatus, list) = await SendAsync(Vapi, HttpMethod.Get, "credential?limit=1000");
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(results.Select(r => (string?)r.Body!["id"]).Distinct().Count(), Is.EqualTo(Count));
            Assert.That(results.Select(r => (string?)r.Body!["name"]), Is.EquivalentTo(Enumerable.Range(0, Count).Select(i => $"parallel {i}")));
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(Count));
            Assert.That(Sandbox.Vapi.Credentials.Select(c => (string?)c["id"]), Is.EquivalentTo(results.Select(r => (string?)r.Body!["id"])));
            Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.AsArray(), Has.Count.EqualTo(Count));
            Assert.That(Sandbox.Requests, Has.Count.EqualTo(Count + 1));
            Assert.That(Sandbox.Requests.Select(r => r.Sequence).Distinct().Count(), Is.EqualTo(Count + 1));
        });
    }

    [Test]
    public async Task Fifty_parallel_Exotel_trunk_creates_with_distinct_names_all_succeed()
    {
        var names = Enumerable.Range(0, Count).Select(i => "par_" + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        var results = await Task.WhenAll(names.Select(name => SendAsync(Exotel, HttpMethod.Post, V2("trunks"),
            $$"""{"trunk_name":"{{name}}","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""")));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(results.Select(r => (string?)r.Body!["response"]!["status"]), Is.All.EqualTo("success"));
            Assert.That(results.Select(r => (string?)r.Body!["response"]!["data"]!["trunk_sid"]).Distinct().Count(), Is.EqualTo(Count));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(Count));
            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_name"]), Is.EquivalentTo(names));
        });
    }

    [Test]
    public async Task Fifty_parallel_whitelisted_ip_adds_on_one_trunk_all_succeed()
    {
        var trunkSid = await CreateTrunkAsync("par_ips");
        var ips = Enumerable.Range(1, Count).Select(i => "44.248.146." + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var results = await Task.WhenAll(ips.Select(ip => SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/whitelisted-ips"),
            $$"""{"ip":"{{ip}}","mask":32}""")));
        var stored = Sandbox.Exotel.WhitelistedIps(trunkSid);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(results.Select(r => (string?)r.Body!["response"]!["status"]), Is.All.EqualTo("success"));
            Assert.That(results.Select(r => (string?)r.Body!["response"]!["data"]!["id"]).Distinct().Count(), Is.EqualTo(Count));
            Assert.That(stored, Has.Count.EqualTo(Count));
            Assert.That(stored.Select(i => (string?)i["ip"]), Is.EquivalentTo(ips));
            Assert.That(stored.Select(i => (string?)i["id"]).Distinct().Count(), Is.EqualTo(Count));
        });
    }

    [Test]
    public async Task Parallel_adds_of_one_whitelisted_ip_store_it_once()
    {
        var trunkSid = await CreateTrunkAsync("par_dup_ip");
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/whitelisted-ips"),
            """{"ip":"44.248.146.10","mask":32}""")));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(results.Count(r => (string?)r.Body!["response"]!["status"] == "success"), Is.EqualTo(1));
            Assert.That(results.Count(r => (int?)r.Body!["response"]!["code"] == 409), Is.EqualTo(19));
            Assert.That(Sandbox.Exotel.WhitelistedIps(trunkSid), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Parallel_creates_of_one_trunk_name_give_exactly_one_200_and_the_rest_409()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(Exotel, HttpMethod.Post, V2("trunks"),
            $$"""{"trunk_name":"same_name","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""")));
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1));
            Assert.That(results.Count(r => r.Status == HttpStatusCode.Conflict), Is.EqualTo(19));
            Assert.That(results.Where(r => r.Status == HttpStatusCode.Conflict).Select(r => (int?)r.Body!["response"]!["error_data"]!["code"]),
                Is.All.EqualTo(1008));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Parallel_requests_to_both_apis_are_all_logged_once()
    {
        var vapi = Enumerable.Range(0, 25).Select(_ => SendAsync(Vapi, HttpMethod.Get, "assistant"));
        var exotel = Enumerable.Range(0, 25).Select(_ => SendAsync(Exotel, HttpMethod.Get, V2("trunks")));
        var results = await Task.WhenAll(vapi.Concat(exotel));
        var log = Sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(log, Has.Count.EqualTo(50));
            Assert.That(log.Count(r => r.Api == SandboxApi.Vapi), Is.EqualTo(25));
            Assert.That(log.Select(r => r.Sequence), Is.EquivalentTo(Enumerable.Range(1, 50).Select(i => (long)i)));
            Assert.That(log.Select(r => r.Status), Is.All.EqualTo(200));
        });
    }
}
