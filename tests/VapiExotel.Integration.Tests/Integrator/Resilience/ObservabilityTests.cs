using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// Traces, metrics and logs of a setup: its span parents the clients' request spans, its step counter matches its
/// report, its duration is recorded with its result, and each step is one log line. The sources and meters are static
/// and shared with every other test, so spans and measurements are told apart by the trace of an outer activity
/// started here: measurements are recorded on the setup's own flow, where an activity of that trace is current.
/// </summary>
public sealed class ObservabilityTests : ResilienceScenario
{
    private const string Integration = "VapiExotel.Integration";
    private static readonly string[] Sources = [Integration, "Exotel.VSip", "Vapi.Client"];

    private sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [Test]
    public async Task The_setup_span_parents_every_client_request_span_of_its_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        IntegrationReport report;
        ActivityTraceId trace;
        ActivitySpanId outerSpan;
        using (var outer = new Activity("resilience-observability-test").Start())
        {
            (trace, outerSpan) = (outer.TraceId, outer.SpanId);
            report = await Integrator().SetupAsync();
        }

        Assert.That(report.Succeeded, Is.True, report.ToString());
        var mine = stopped.Where(a => a.TraceId == trace).ToList();
        var setup = mine.Single(a => a.Source.Name == Integration && a.OperationName == "vapiexotel.setup");
        var byId = mine.ToDictionary(a => a.SpanId);
        var clientSpans = mine.Where(a => a.Source.Name is "Exotel.VSip" or "Vapi.Client").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(setup.ParentSpanId, Is.EqualTo(outerSpan), "the setup span is a child of the caller's activity");
            Assert.That(setup.Kind, Is.EqualTo(ActivityKind.Internal));
            Assert.That(setup.GetTagItem("vapiexotel.result"), Is.EqualTo("succeeded"));
            Assert.That(clientSpans.Count(a => a.Source.Name == "Exotel.VSip"), Is.EqualTo(Sandbox.Requests.Count(r => r.Api == SandboxApi.Exotel)), "an Exotel span per request");
            Assert.That(clientSpans.Count(a => a.Source.Name == "Vapi.Client"), Is.EqualTo(Sandbox.Requests.Count(r => r.Api == SandboxApi.Vapi)), "a Vapi span per request");
            Assert.That(clientSpans.Where(a => a.Source.Name == "Exotel.VSip").Select(a => a.GetTagItem("http.response.status_code")),
                Is.EquivalentTo(Sandbox.Requests.Where(r => r.Api == SandboxApi.Exotel).Select(r => (object)r.Status)), "each span carries its answer's status");
            foreach (var span in clientSpans)
            {
                Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client), span.OperationName);
                Assert.That(LeadsTo(span, setup, byId), Is.True, $"{span.OperationName}: its parent chain leads to the setup span");
                Assert.That(span.OperationName, Is.EqualTo($"{span.GetTagItem("http.request.method")} {span.GetTagItem("url.template")}"));
                Assert.That(span.GetTagItem("server.port"), Is.EqualTo(span.Source.Name == "Exotel.VSip" ? Sandbox.ExotelBaseAddress.Port : Sandbox.VapiBaseAddress.Port));
                Assert.That(span.GetTagItem("http.response.status_code"), Is.InstanceOf<int>().And.InRange(200, 499), span.OperationName);   // a lookup of an unmapped number is 404
            }
        });
    }

    [Test]
    public async Task The_step_counter_matches_each_report_and_the_duration_carries_its_result()
    {
        var measurements = new ConcurrentQueue<(ActivityTraceId Trace, Measurement Measurement)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (Sources.Contains(instrument.Meter.Name))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        meters.Start();

        // A first run with a failed step, then a rerun that completes it, each in an activity of its own.
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Api = SandboxApi.Vapi, Method = "POST", Path = "/phone-number", Times = 1 });
        var (failed, failedTrace) = await TracedAsync(() => Integrator().SetupAsync());
        var failedExotelRequests = Sandbox.Requests.Count(r => r.Api == SandboxApi.Exotel);
        Sandbox.ClearRequests();
        var (rerun, rerunTrace) = await TracedAsync(() => Integrator().SetupAsync());

        Assert.Multiple(() =>
        {
            Assert.That(failed.Failures.Select(s => s.Kind), Is.EqualTo(new[] { ResourceKind.VapiPhoneNumber }), failed.ToString());
            Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
            foreach (var (report, trace, result) in new[] { (failed, failedTrace, "failed"), (rerun, rerunTrace, "succeeded") })
            {
                var mine = measurements.Where(m => m.Trace == trace).Select(m => m.Measurement).ToList();
                var steps = mine.Where(m => m.Instrument == "vapiexotel.integration.steps").ToList();
                Assert.That(steps.Select(s => s.Tag("vapiexotel.operation")), Has.All.EqualTo("setup"), result);
                Assert.That(Counts(steps.SelectMany(s => Enumerable.Repeat($"{s.Tag("vapiexotel.resource_kind")} {s.Tag("vapiexotel.outcome")}", (int)s.Value))),
                    Is.EquivalentTo(Counts(report.Steps.Select(s => $"{s.Kind} {s.Outcome}"))), $"{result}: a count per step, by kind and outcome");
                var durations = mine.Where(m => m.Instrument == "vapiexotel.integration.operation.duration").ToList();
                Assert.That(durations.Select(d => (d.Tag("vapiexotel.operation"), d.Tag("vapiexotel.result"))), Is.EqualTo(new[] { ("setup", result) }), result);
                Assert.That(durations.Single().Value, Is.GreaterThan(0).And.LessThan(5), $"{result}: seconds");
            }

            // The clients' own counters, in the same trace: one Exotel request counted per request the sandbox saw.
            var exotelRequests = measurements.Where(m => m.Trace == failedTrace && m.Measurement.Instrument == "exotel.client.requests").Select(m => m.Measurement).ToList();
            Assert.That(exotelRequests.Sum(m => m.Value), Is.EqualTo(failedExotelRequests), "exotel.client.requests");
            Assert.That(exotelRequests.Select(m => m.Tag("server.port")), Has.All.EqualTo(Sandbox.ExotelBaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(measurements.Where(m => m.Trace == failedTrace && m.Measurement.Instrument == "vapi.client.requests").Select(m => m.Measurement.Tag("http.response.status_code")),
                Has.One.EqualTo("503"), "the failed POST is counted with its status");
        });

        void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            where T : struct
        {
            if (Activity.Current is { } current)
            {
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in tags)
                {
                    copy[tag.Key] = tag.Value;
                }

                measurements.Enqueue((current.TraceId, new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy)));
            }
        }
    }

    [Test]
    public async Task Each_setup_step_is_one_log_line()
    {
        Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Exotel, Method = "POST", Path = "/v2/accounts/*/trunks/*/phone-numbers", Times = 1,
        });

        var report = await Integrator().SetupAsync();

        var done = LinesWithEvent(3001);
        var failed = LinesWithEvent(3002);
        Assert.Multiple(() =>
        {
            Assert.That(report.Failures.Select(s => s.Kind), Is.EqualTo(new[] { ResourceKind.ExotelNumberMapping }), report.ToString());
            Assert.That(done.Count + failed.Count, Is.EqualTo(report.Steps.Count), "a line per step");
            Assert.That(failed, Has.Count.EqualTo(report.Failures.Count()), "a warning per failed step");
            Assert.That(LinesWithEvent(3003), Has.Count.EqualTo(1), "one summary line");
            foreach (var step in report.Steps)
            {
                var lines = step.IsFailure ? failed : done;
                Assert.That(lines.Count(l => l.Contains($"Kind={step.Kind};Target={step.Target};", StringComparison.Ordinal)), Is.EqualTo(1), step.ToString());
            }

            Assert.That(report.Steps.Where(s => !s.IsFailure).Select(s => s.Outcome), Has.All.EqualTo(Created));
        });
    }

    private static async Task<(T Result, ActivityTraceId Trace)> TracedAsync<T>(Func<Task<T>> run)
    {
        using var outer = new Activity("resilience-observability-test").Start();
        return (await run(), outer.TraceId);
    }

    private static Dictionary<string, int> Counts(IEnumerable<string> items) =>
        items.GroupBy(i => i, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static bool LeadsTo(Activity span, Activity ancestor, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var current = span; ;)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }

            if (!byId.TryGetValue(current.ParentSpanId, out var parent))
            {
                return false;
            }

            current = parent;
        }
    }
}
