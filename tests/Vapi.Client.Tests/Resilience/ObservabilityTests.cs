using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// What a retried request leaves behind: one log line per request and one per retry (templates, never ids or the
/// key), one span, the request and retry metrics, and the SDK's User-Agent on every attempt. The ActivitySource and
/// Meter are process-wide, so measurements are filtered by this test's sandbox port.
/// </summary>
public sealed class ObservabilityTests : ResilienceScenario
{
    private const string UserAgentPattern = @"^Vapi\.Client/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+\.\d+; (Linux|Windows|macOS|Other); \w+\)$";

    private int Port => Sandbox.VapiBaseAddress.Port;

    [Test]
    public async Task Each_request_logs_one_debug_line_with_its_template_status_and_attempts_and_each_retry_one_line()
    {
        var number = await CreateTrunkAndNumberAsync();
        var call = await PlaceCallAsync(number.Id);
        await using var di = NewDiClient();
        Fault(SandboxFault.ServerError(503), "GET", "/call/*", times: 1);

        await di.Client.Calls.GetAsync(call.Id);
        await di.Client.Assistants.GetAsync(SeededAssistantId);

        var completed = di.LinesWithEvent(2001);
        var retries = di.LinesWithEvent(2003);
        Assert.Multiple(() =>
        {
            Assert.That(completed, Has.Count.EqualTo(2), "one line per request, not per attempt");
            Assert.That(completed[0], Does.StartWith("Debug ").And.Match(@"Vapi GET /call/\{id\} answered 200 in [0-9.]+ ms after 2 attempt\(s\)"));
            Assert.That(completed[1], Does.StartWith("Debug ").And.Match(@"Vapi GET /assistant/\{id\} answered 200 in [0-9.]+ ms after 1 attempt\(s\)"));
            Assert.That(retries, Has.Count.EqualTo(1));
            Assert.That(retries[0], Does.StartWith("Information ").And.Contain("Vapi GET /call/{id} attempt 1 got HTTP 503; retrying in "));
            Assert.That(di.Logs.Lines, Has.None.Contains(call.Id));
            Assert.That(di.Logs.Lines, Has.None.Contains(SeededAssistantId));
            Assert.That(di.Logs.Lines, Has.None.Contains(Sandbox.Options.VapiApiKey));
            Assert.That(di.Logs.Lines, Has.None.Contains("Bearer"));
            Assert.That(di.Logs.Lines, Has.None.Contains("System.Net.Http.HttpClient"), "the factory's own loggers are off by default");
        });
    }

    [Test]
    public async Task The_factorys_loggers_brought_back_with_AddDefaultLogger_redact_the_authorization()
    {
        await using var di = NewDiClient(http: b => b.AddDefaultLogger());

        await di.Client.Assistants.GetAsync(SeededAssistantId);

        var factory = di.Logs.Lines.Where(l => l.Contains("System.Net.Http.HttpClient.Vapi.Client.", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(factory, Has.Some.StartsWith("Trace "), "the factory logs headers at Trace");
            Assert.That(factory, Has.Some.Contains("Authorization: *"), "the header is logged, its value redacted");
            Assert.That(factory, Has.Some.Contains("User-Agent: Vapi.Client/"), "an allowed header stays in clear");
            Assert.That(di.Logs.Lines, Has.None.Contains(Sandbox.Options.VapiApiKey));
            Assert.That(di.LinesWithEvent(2001), Has.Count.EqualTo(1), "the SDK's own line is still there");
        });
    }

    [Test]
    public async Task A_retried_read_makes_one_client_span_and_records_its_duration_status_and_retry()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Vapi.Client",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.port"), Port))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Vapi.Client")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(tags.ToArray());
            if (copy.TryGetValue("server.port", out var port) && Equals(port, Port))
            {
                measurements.Enqueue((instrument.Name, value, copy));
            }
        }

        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();
        Fault(SandboxFault.ServerError(503), "GET", "/assistant/*", times: 1);

        await Client.Assistants.GetAsync(SeededAssistantId);

        var span = spans.Single();
        var byName = measurements.ToLookup(m => m.Instrument);
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("GET /assistant/{id}"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset), "it succeeded in the end");
            Assert.That(span.GetTagItem("http.request.method"), Is.EqualTo("GET"));
            Assert.That(span.GetTagItem("url.template"), Is.EqualTo("/assistant/{id}"));
            Assert.That(span.GetTagItem("server.address"), Is.EqualTo("127.0.0.1"));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(span.GetTagItem("error.type"), Is.Null);
            Assert.That(span.Tags.Select(t => t.Value), Has.None.Contains(SeededAssistantId));

            var duration = byName["vapi.client.request.duration"].ToList();
            Assert.That(duration, Has.Count.EqualTo(1), "one duration per request, across attempts");
            Assert.That(duration[0].Value, Is.GreaterThan(0).And.LessThan(5), "seconds");
            Assert.That(duration[0].Tags["http.response.status_code"], Is.EqualTo(200));
            Assert.That(duration[0].Tags["url.template"], Is.EqualTo("/assistant/{id}"));

            var requests = byName["vapi.client.requests"].ToList();
            Assert.That(requests.Select(r => (r.Value, r.Tags["http.response.status_code"])), Is.EqualTo(new[] { (1.0, (object?)200) }));

            var retries = byName["vapi.client.retries"].ToList();
            Assert.That(retries.Select(r => (r.Value, r.Tags["http.request.method"], r.Tags["url.template"])), Is.EqualTo(new[] { (1.0, (object?)"GET", (object?)"/assistant/{id}") }));
        });
    }

    [Test]
    public async Task Every_attempt_carries_the_sdks_user_agent_and_the_key()
    {
        Fault(SandboxFault.ServerError(503), "GET", "/assistant/*", times: 1);

        await Client.Assistants.GetAsync(SeededAssistantId);

        var version = typeof(VapiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var attempts = RequestsTo("GET", "/assistant/" + SeededAssistantId);
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(r => r.Status), Is.EqualTo(new[] { 503, 200 }));
            Assert.That(attempts.Select(r => r.Headers["User-Agent"]), Has.All.Match(UserAgentPattern));
            Assert.That(attempts.Select(r => r.Headers["User-Agent"]), Has.All.StartsWith($"Vapi.Client/{version} (.NET {Environment.Version.ToString(3)}; "));
            Assert.That(attempts.Select(r => r.Headers["Authorization"]), Has.All.EqualTo("Bearer ***"), "the retried attempt is authorised too");
        });
    }
}
