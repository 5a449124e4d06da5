using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vapi.Client;
using VapiExotel.Integration;

namespace VapiExotel.AspNetCore.Tests;

/// <summary>The webhook endpoints on a TestServer: Vapi messages verified then fed to the monitor, Exotel callbacks parsed then fed.</summary>
public sealed class WebhookEndpointTests
{
    private const string HmacSecret = "test-hmac-secret-not-real";
    private const string CallId = "5b8c2d1e-0000-4000-8000-000000000001";
    private const string CallSid = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private static readonly CallMonitorOptions PushOnly = new() { Poll = false };

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private CallMonitor Monitor => _app.Services.GetRequiredService<CallMonitor>();

    [SetUp]
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddVapiExotelWebhooks(o => o.VapiVerifier = VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = HmacSecret, IncludeTimestamp = false }));
        _app = builder.Build();
        _app.MapVapiExotelWebhooks("/hooks");
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string EndedMessage(string reason) =>
        "{\"message\":{\"type\":\"status-update\",\"status\":\"ended\",\"endedReason\":\"" + reason + "\",\"call\":{\"id\":\"" + CallId + "\",\"status\":\"ended\"}}}";

    private static HttpRequestMessage SignedVapi(string body, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/vapi") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signature ??= Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HmacSecret), Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("x-signature", signature);
        return request;
    }

    private static async Task<List<CallEvent>> CollectAsync(IAsyncEnumerable<CallEvent> stream, TimeSpan within)
    {
        var events = new List<CallEvent>();
        using var stop = new CancellationTokenSource(within);
        try
        {
            await foreach (var e in stream.WithCancellation(stop.Token))
            {
                events.Add(e);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the window closed with the call not ended
        }

        return events;
    }

    [Test]
    public async Task A_signed_vapi_message_is_accepted_and_ends_the_followed_call()
    {
        var following = CollectAsync(Monitor.FollowAsync(CallReference.ForVapi(CallId), PushOnly), TimeSpan.FromSeconds(5));

        using var response = await _client.SendAsync(SignedVapi(EndedMessage("call.in-progress.error-providerfault-outbound-sip-403-forbidden")));
        var events = await following;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ended = events.OfType<CallEnded>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(events[^1], Is.SameAs(ended), "the end is last");
            Assert.That(events.OfType<CallStatusChanged>().Single().Status, Is.EqualTo("ended"));
            Assert.That(ended.Source, Is.EqualTo(CallEventSource.Push));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.IpAllowlist));
            Assert.That(ended.Outcome.Classification.Side, Is.EqualTo(FailureSide.SipPath));
        });
    }

    [Test]
    public async Task A_vapi_message_with_a_bad_signature_is_refused_and_not_fed()
    {
        using var response = await _client.SendAsync(SignedVapi(EndedMessage("customer-ended-call"), signature: new string('0', 64)));
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/hooks/vapi") { Content = new StringContent(EndedMessage("customer-ended-call"), Encoding.UTF8, "application/json") };
        using var unsignedResponse = await _client.SendAsync(unsigned);

        var events = await CollectAsync(Monitor.FollowAsync(CallReference.ForVapi(CallId), PushOnly), TimeSpan.FromMilliseconds(200));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(unsignedResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(events, Is.Empty, "nothing reached the monitor");
        });
    }

    [Test]
    public async Task A_signed_body_that_is_not_a_message_is_a_bad_request()
    {
        using var response = await _client.SendAsync(SignedVapi("""{"nothing":"here"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_exotel_multipart_callback_is_parsed_and_fed_with_its_legs()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(CallSid), "CallSid" },
            { new StringContent("busy"), "Status" },
            { new StringContent("terminal"), "EventType" },
            { new StringContent("busy"), "Legs[0][Status]" },
            { new StringContent("0"), "Legs[0][OnCallDuration]" },
        };

        using var response = await _client.PostAsync("/hooks/exotel/status", form);
        // A follower that starts after the callback still sees it.
        var events = await CollectAsync(Monitor.FollowAsync(CallReference.ForExotel(CallSid), PushOnly), TimeSpan.FromSeconds(5));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ended = events.OfType<CallEnded>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(events.OfType<CallLegUpdate>().Single().Status?.Value, Is.EqualTo("busy"));
            Assert.That(events.OfType<CallStatusChanged>().Single().IsTerminal, Is.True);
            Assert.That(ended.Outcome.ExotelStatus?.Value, Is.EqualTo("busy"));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Busy));
            Assert.That(ended.Outcome.IsFailure, Is.False);
        });
    }

    [Test]
    public async Task An_exotel_urlencoded_callback_is_fed_and_one_without_a_sid_is_refused()
    {
        using var good = new FormUrlEncodedContent([new("CallSid", CallSid), new("Status", "failed")]);
        using var bad = new FormUrlEncodedContent([new("Status", "failed")]);

        using var goodResponse = await _client.PostAsync("/hooks/exotel/status", good);
        using var badResponse = await _client.PostAsync("/hooks/exotel/status", bad);
        var events = await CollectAsync(Monitor.FollowAsync(CallReference.ForExotel(CallSid), PushOnly), TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(goodResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(badResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(events.OfType<CallEnded>().Single().Outcome.Classification.Side, Is.EqualTo(FailureSide.Exotel));
        });
    }

    [Test]
    public void Mapping_without_a_verifier_is_refused_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddVapiExotelWebhooks(_ => { });
        var app = builder.Build();

        var thrown = Assert.Throws<InvalidOperationException>(() => app.MapVapiExotelWebhooks());

        Assert.That(thrown!.Message, Does.Contain("VapiVerifier"));
    }
}
