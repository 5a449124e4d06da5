using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace VapiExotel.Sandbox.Tests.Vapi;

public sealed class VapiAuthAndRoutingTests : Support.SandboxTest
{
    [Test]
    public async Task A_request_without_a_bearer_token_is_refused_with_401_in_Nest_shape()
    {
        using var anonymous = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress };
        var (status, body) = await SendAsync(anonymous, HttpMethod.Get, "credential");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body!["message"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
            Assert.That((string?)body["message"], Is.Not.Empty);
            Assert.That((string?)body["error"], Is.EqualTo("Unauthorized"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(401));
        });
    }

    [Test]
    public async Task A_wrong_bearer_token_is_refused_with_401()
    {
        using var wrong = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        var (status, body) = await SendAsync(wrong, HttpMethod.Post, "credential", VapiSeed.TrunkBody);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body!["error"], Is.EqualTo("Unauthorized"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(401));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task The_right_key_under_another_scheme_is_refused()
    {
        using var basic = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress };
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Sandbox.Options.VapiApiKey);
        var (status, _) = await SendAsync(basic, HttpMethod.Get, "assistant");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unknown_route_answers_404_Cannot_METHOD_path()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "x");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body!["message"], Is.EqualTo("Cannot GET /x"));
            Assert.That((string?)body["error"], Is.EqualTo("Not Found"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(404));
        });
    }

    [Test]
    public async Task A_known_path_with_an_unsupported_method_answers_Cannot_METHOD_path()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Put, "credential");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body!["message"], Is.EqualTo("Cannot PUT /credential"));
        });
    }

    [Test]
    public async Task A_body_that_is_not_JSON_is_refused_with_400()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", "{not json");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["error"], Is.EqualTo("Bad Request"));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }
}
