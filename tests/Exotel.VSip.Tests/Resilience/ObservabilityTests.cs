using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// What a retried request leaves behind: log lines with path templates (never ids or secrets), one client span per SDK
/// request, and metrics. The ActivitySource and Meter are static and tests may run alongside others, so spans and
/// measurements are picked by this sandbox's <c>server.port</c>.
/// </summary>
public sealed class ObservabilityTests : ResilienceScenario
{
    private const string TrunksTemplate = "/v2/accounts/{account_sid}/trunks";

    [Test]
    public async Task A_get_retried_after_a_503_logs_one_retry_line_and_one_request_line_without_ids_or_secrets()
    {
        var trunk = await CreateTrunkAsync("vx_logged");
        var logs = new CapturingLoggerProvider();
        var client = NewLoggedClient(logs);
        AddFault(SandboxFault.ServerError(503), "GET", TrunksPath + "/*/whitelisted-ips", times: 1);

        await client.WhitelistedIps.ListAsync(trunk.Sid).ToListAsync();

        var retries = LinesOf(logs, 1003);
        var requests = LinesOf(logs, 1001);
        Assert.Multiple(() =>
        {
            Assert.That(retries, Has.Count.EqualTo(1));
            Assert.That(retries.FirstOrDefault(), Does.StartWith("Information ").And.Contain(
                "Exotel GET /v2/accounts/{account_sid}/trunks/{trunk_sid}/whitelisted-ips attempt 1 got HTTP 503; retrying in"));
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(requests.FirstOrDefault(), Does.StartWith("Debug ").And.Contain(
                "Exotel GET /v2/accounts/{account_sid}/trunks/{trunk_sid}/whitelisted-ips answered 200 in").And.Contain("after 2 attempt(s)"));
            Assert.That(Received("GET", V2($"trunks/{trunk.Sid}/whitelisted-ips")).Select(r => r.Status), Is.EqualTo(new[] { 503, 200 }));
            Assert.That(logs.Lines, Has.None.Contains(trunk.Sid));
            Assert.That(logs.Lines, Has.None.Contains("/accounts/" + AccountSid));
            foreach (var secret in Secrets)
            {
                Assert.That(logs.Lines, Has.None.Contains(secret));
            }
        });
    }

    [Test]
    public async Task A_post_answered_503_logs_that_it_was_not_retried_because_its_outcome_is_unknown()
    {
        var trunk = await CreateTrunkAsync("vx_logged");
        var logs = new CapturingLoggerProvider();
        var client = NewLoggedClient(logs);
        AddFault(SandboxFault.ServerError(503), "POST", TrunksPath + "/*/phone-numbers");

        Assert.ThrowsAsync<ExotelException>(() => client.PhoneNumbers.MapAsync(trunk.Sid, "+919876543210"));

        var notRetried = LinesOf(logs, 1004);
        Assert.Multiple(() =>
        {
            Assert.That(notRetried, Has.Count.EqualTo(1));
            Assert.That(notRetried.FirstOrDefault(), Does.StartWith("Debug ").And.Contain(
                "Exotel POST /v2/accounts/{account_sid}/trunks/{trunk_sid}/phone-numbers got HTTP 503; not retried:").And.Contain("outcome is unknown"));
            Assert.That(LinesOf(logs, 1003), Is.Empty);
            Assert.That(LinesOf(logs, 1001).FirstOrDefault(), Does.Contain("answered 503").And.Contain("after 1 attempt(s)"));
            Assert.That(logs.Lines, Has.None.Contains(trunk.Sid));
            Assert.That(logs.Lines, Has.None.Contains("9876543210"), "nor the phone number from the body");
            foreach (var secret in Secrets)
            {
                Assert.That(logs.Lines, Has.None.Contains(secret));
            }
        });
    }

    [Test]
    public async Task Each_sdk_request_is_one_client_span_named_by_its_template_with_the_resend_count()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Exotel.VSip",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.port"), Port))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await CreateTrunkAsync("vx_traced");
        AddFault(SandboxFault.ServerError(503), "GET", TrunksPath, times: 1);

        await Client.Trunks.ListAsync().ToListAsync();

        var recorded = spans.ToList();
        Assert.That(recorded.Select(s => s.DisplayName), Is.EqualTo(new[] { "POST " + TrunksTemplate, "GET " + TrunksTemplate }), "one span per SDK request, not per attempt");
        var (post, get) = (recorded[0], recorded[1]);
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Select(s => s.Kind), Has.All.EqualTo(ActivityKind.Client));
            Assert.That(get.GetTagItem("http.request.method"), Is.EqualTo("GET"));
            Assert.That(get.GetTagItem("url.template"), Is.EqualTo(TrunksTemplate));
            Assert.That(get.GetTagItem("server.address"), Is.EqualTo("127.0.0.1"));
            Assert.That(get.GetTagItem("server.port"), Is.EqualTo(Port));
            Assert.That(get.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(get.GetTagItem("http.request.resend_count"), Is.EqualTo(1), "retried once");
            Assert.That(get.GetTagItem("error.type"), Is.Null);
            Assert.That(post.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(post.GetTagItem("http.request.resend_count"), Is.Null, "sent once");
            Assert.That(recorded.SelectMany(s => s.Tags).Select(t => t.Value), Has.None.Contains(AccountSid), "no tag carries an id");
        });
    }

    [Test]
    public async Task A_retried_request_records_its_duration_its_status_and_one_retry()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Exotel.VSip")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (Equals(copy.GetValueOrDefault("server.port"), Port))
            {
                measurements.Enqueue((instrument.Name, value, copy));
            }
        }

        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        AddFault(SandboxFault.ServerError(503), "GET", TrunksPath, times: 1);

        await Client.Trunks.ListAsync().ToListAsync();

        var recorded = measurements.ToList();
        var durations = recorded.Where(m => m.Instrument == "exotel.client.request.duration").ToList();
        var requests = recorded.Where(m => m.Instrument == "exotel.client.requests").ToList();
        var retries = recorded.Where(m => m.Instrument == "exotel.client.retries").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(durations, Has.Count.EqualTo(1), "one request, across its two attempts");
            Assert.That(durations.Select(m => m.Value), Has.All.GreaterThan(0));
            Assert.That(durations.Select(m => m.Tags.GetValueOrDefault("http.response.status_code")), Has.All.EqualTo(200));
            Assert.That(durations.Select(m => m.Tags.GetValueOrDefault("url.template")), Has.All.EqualTo(TrunksTemplate));
            Assert.That(requests.Select(m => m.Value), Is.EqualTo(new[] { 1d }));
            Assert.That(requests.Select(m => m.Tags.GetValueOrDefault("http.response.status_code")), Is.EqualTo(new object[] { 200 }));
            Assert.That(requests.Select(m => m.Tags.GetValueOrDefault("http.request.method")), Is.EqualTo(new object[] { "GET" }));
            Assert.That(retries.Select(m => m.Value), Is.EqualTo(new[] { 1d }));
            Assert.That(retries.Select(m => m.Tags.GetValueOrDefault("url.template")), Is.EqualTo(new object[] { TrunksTemplate }));
        });
    }

    [Test]
    public async Task The_user_agent_names_the_package_its_version_and_the_runtime()
    {
        await Client.Trunks.ListAsync().ToListAsync();

        var userAgent = ReceivedOnce("GET", V2("trunks")).Headers["User-Agent"];
        var version = typeof(ExotelClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.Multiple(() =>
        {
            Assert.That(userAgent, Does.StartWith($"Exotel.VSip/{version} (.NET {Environment.Version.ToString(3)}; "));
            Assert.That(userAgent, Does.Match(@"^Exotel\.VSip/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+\.\d+; (Linux|Windows|macOS|Other); \w+\)$"));
        });
    }
}
