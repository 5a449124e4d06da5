using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>GET /phone-number: newest first, <c>limit</c>, and the createdAt/updatedAt filters (vapi-api.md §4.5).</summary>
public sealed class VapiPhoneNumberListTests : Support.SandboxTest
{
    private const string T0 = "2026-01-23T10:00:00.000Z";
    private const string T1 = "2026-01-23T10:00:01.000Z";
    private const string T2 = "2026-01-23T10:00:02.000Z";

    private string _credentialId = null!;
    private string _a = null!;
    private string _b = null!;
    private string _c = null!;

    /// <summary>Numbers A, B and C created one second apart (10:00:00, :01, :02).</summary>
    [SetUp]
    public async Task CreateThreeNumbersAsync()
    {
        _credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        _a = await CreateAsync("+918047490901");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        _b = await CreateAsync("+918047490902");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        _c = await CreateAsync("+918047490903");
    }

    [Test]
    public async Task The_list_is_a_plain_array_newest_first()
    {
        Assert.That(await ListAsync(string.Empty), Is.EqualTo(new[] { _c, _b, _a }));
    }

    [Test]
    public async Task Limit_keeps_the_newest()
    {
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync("?limit=2"), Is.EqualTo(new[] { _c, _b }));
            Assert.That(await ListAsync("?limit=0"), Is.Empty);
            Assert.That(await ListAsync("?limit=1000"), Is.EqualTo(new[] { _c, _b, _a }));
        });
    }

    [Test]
    public async Task CreatedAt_filters_compare_strictly_and_inclusively()
    {
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync($"?createdAtGt={T1}"), Is.EqualTo(new[] { _c }));
            Assert.That(await ListAsync($"?createdAtGe={T1}"), Is.EqualTo(new[] { _c, _b }));
            Assert.That(await ListAsync($"?createdAtLt={T1}"), Is.EqualTo(new[] { _a }));
            Assert.That(await ListAsync($"?createdAtLe={T1}"), Is.EqualTo(new[] { _b, _a }));
            Assert.That(await ListAsync($"?createdAtGt={T0}&createdAtLt={T2}"), Is.EqualTo(new[] { _b }));
        });
    }

    [Test]
    public async Task UpdatedAt_filters_follow_the_last_change()
    {
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(8));
        var (status, _) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{_a}", """{"name":"touched"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync($"?updatedAtGt={T2}"), Is.EqualTo(new[] { _a }));
            Assert.That(await ListAsync("?updatedAtGe=2026-01-23T10:00:10.000Z"), Is.EqualTo(new[] { _a }));
            Assert.That(await ListAsync($"?updatedAtLt={T2}"), Is.EqualTo(new[] { _b }));
            Assert.That(await ListAsync($"?updatedAtLe={T2}"), Is.EqualTo(new[] { _c, _b }));
        });
    }

    [Test]
    public async Task Numbers_created_at_the_same_instant_tie_and_are_both_kept_by_inclusive_filters()
    {
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var d = await CreateAsync("+918047490904");
        var e = await CreateAsync("+918047490905");
        const string T3 = "2026-01-23T10:00:03.000Z";
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync($"?createdAtGe={T3}"), Is.EquivalentTo(new[] { d, e }));
            Assert.That(await ListAsync($"?createdAtLe={T3}&limit=2"), Is.EquivalentTo(new[] { d, e }));
            Assert.That(await ListAsync($"?createdAtGt={T3}"), Is.Empty);
            Assert.That(await ListAsync($"?createdAtLt={T3}"), Is.EqualTo(new[] { _c, _b, _a }));
            Assert.That((await ListAsync(string.Empty)).Skip(2), Is.EqualTo(new[] { _c, _b, _a }));
        });
    }

    [Test]
    public async Task Dates_without_milliseconds_or_with_an_offset_are_understood()
    {
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync("?createdAtGe=2026-01-23T10:00:01Z"), Is.EqualTo(new[] { _c, _b }));
            Assert.That(await ListAsync("?createdAtGe=2026-01-23T15:30:01%2B05:30"), Is.EqualTo(new[] { _c, _b }));
        });
    }

    [Test]
    public async Task An_unknown_query_parameter_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "phone-number?foo=1");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "property foo should not exist" }));
        });
    }

    [Test]
    public async Task A_limit_over_1000_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "phone-number?limit=1001");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "limit must not be greater than 1000" }));
        });
    }

    [Test]
    public async Task A_date_filter_that_is_not_a_date_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "phone-number?createdAtGt=yesterday");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "createdAtGt must be a valid ISO 8601 date string" }));
        });
    }

    private async Task<string> CreateAsync(string number)
    {
        var body = await VapiSeed.PostAsync(Vapi, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{_credentialId}}","number":"{{number}}"}""");
        return (string)body["id"]!;
    }

    private async Task<string?[]> ListAsync(string query)
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "phone-number" + query);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return [.. body!.AsArray().Select(n => (string?)n!["id"])];
    }

    private static string?[] Messages(JsonNode body) => [.. body["message"]!.AsArray().Select(m => (string?)m)];
}
