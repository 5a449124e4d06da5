using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// Distinctive secrets, and everything the integration can write captured across a failed setup (a 503 on a POST, a
/// timed-out POST, a wrong Vapi key), a full setup and a teardown: every log line at Trace (IHttpClientFactory's own
/// loggers included), every exception, report, step and check. None holds a secret in any form it travels in.
/// </summary>
public sealed class SecretLeakTests : ResilienceScenario
{
    private const string ExotelKey = "exokey-Q7m2Zr9wLb";
    private const string ExotelToken = "exotok-X4pL8vN1Hd";
    private const string VapiKey = "vapikey-K3sT6yH0Fc";
    private const string WrongVapiKey = "vapiwrong-J5dR2cM8Tq";

    private readonly List<string> _texts = [];

    protected override void Configure(VapiExotelSandboxOptions options)
    {
        options.ExotelApiKey = ExotelKey;
        options.ExotelApiToken = ExotelToken;
        options.VapiApiKey = VapiKey;
    }

    /// <summary>Every form a secret travels in: as itself, in the Basic header value, in the Bearer header value.</summary>
    private static string[] Forbidden() =>
    [
        ExotelKey, ExotelToken, VapiKey, WrongVapiKey,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ExotelKey}:{ExotelToken}")),
        "Bearer " + VapiKey, "Bearer " + WrongVapiKey,
    ];

    /// <summary>
    /// The integration with IHttpClientFactory's default loggers (URLs, headers at Trace) added back to both clients.
    /// Per client name: the packages remove the factory's loggers after <c>ConfigureHttpClientDefaults</c> has run, so
    /// adding them there does not bring them back.
    /// </summary>
    private IVapiExotelIntegrator LoudIntegrator() =>
        Integrator(services =>
        {
            services.AddHttpClient(ExotelClient.HttpClientName).AddDefaultLogger();
            services.AddHttpClient(VapiClient.HttpClientName).AddDefaultLogger();
        });

    private void Collect(IntegrationReport report)
    {
        _texts.Add(report.ToString());
        foreach (var step in report.Steps)
        {
            _texts.AddRange([step.ToString(), step.Target, step.ResourceId ?? string.Empty, step.Message ?? string.Empty]);
            if (step.Error is { } error)
            {
                _texts.AddRange([error.ToString(), error.Message, error.Fix, error.ErrorCode ?? string.Empty, error.RequestId ?? string.Empty]);
            }
        }

        _texts.AddRange(report.ManualSteps);
    }

    private void Collect(ValidationReport report)
    {
        _texts.Add(report.ToString());
        foreach (var check in report.Checks)
        {
            _texts.AddRange([check.ToString(), check.Name, check.Message, check.Fix ?? string.Empty]);
        }

        _texts.AddRange(report.ManualSteps);
    }

    private void Collect(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            _texts.AddRange([e.Message, e.ToString()]);
        }
    }

    [Test]
    public async Task No_secret_reaches_any_log_line_exception_report_step_or_check()
    {
        Settings["VapiExotel:Exotel:ApiKey"] = ExotelKey;
        Settings["VapiExotel:Exotel:ApiToken"] = ExotelToken;
        Settings["VapiExotel:Vapi:ApiKey"] = VapiKey;
        Settings["VapiExotel:Exotel:Resilience:AttemptTimeout"] = "00:00:00.300";

        // (b) A failed setup: the Vapi credential's POST answered 503, a whitelisted IP's POST never answered.
        var serverError = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Vapi, Method = "POST", Path = "/credential", Times = 1,
        });
        var timeout = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.Timeout(), Api = SandboxApi.Exotel, Method = "POST", Path = "/v2/accounts/*/trunks/*/whitelisted-ips", Times = 1,
        });
        var failed = await LoudIntegrator().SetupAsync();
        Collect(failed);
        Collect(Assert.Throws<VapiExotelException>(() => failed.EnsureSuccess())!);
        Assert.Multiple(() =>
        {
            Assert.That((serverError.Applied, timeout.Applied), Is.EqualTo((1, 1)));
            Assert.That(failed.Failures.Select(f => f.Error?.HttpStatus), Is.EquivalentTo(new int?[] { 503, 0 }), failed.ToString());
        });

        // (b) A run with a wrong Vapi key: 401s, in steps, checks and exceptions.
        Settings["VapiExotel:Vapi:ApiKey"] = WrongVapiKey;
        var refused = await LoudIntegrator().SetupAsync();
        Collect(refused);
        Collect(Assert.Throws<VapiExotelException>(() => refused.EnsureSuccess())!);
        Collect(await LoudIntegrator().ValidateAsync());
        Collect(Assert.ThrowsAsync<VapiException>(() => LoudIntegrator().ListAsync())!);
        Assert.That(refused.Failures.Select(f => f.Error?.HttpStatus), Has.Some.EqualTo(401), refused.ToString());

        // (a) A full setup, its validation and listing.
        Settings["VapiExotel:Vapi:ApiKey"] = VapiKey;
        var setup = await LoudIntegrator().SetupAsync();
        Collect(setup);
        var validation = await LoudIntegrator().ValidateAsync();
        Collect(validation);
        var inventory = await LoudIntegrator().ListAsync();
        _texts.Add(inventory.ToString());
        _texts.AddRange(inventory.Resources.Select(r => r.ToString()));
        Assert.That(setup.Succeeded, Is.True, setup.ToString());

        // (c) Teardown, dry run then for real.
        Collect(await LoudIntegrator().TeardownAsync(dryRun: true));
        var teardown = await LoudIntegrator().TeardownAsync();
        Collect(teardown);
        Assert.That(teardown.Succeeded, Is.True, teardown.ToString());

        var lines = Logs.Lines.ToList();
        Assert.Multiple(() =>
        {
            // The capture can fail: the factory's loggers wrote, headers included, and so did both packages.
            Assert.That(lines, Has.Some.Contains("System.Net.Http.HttpClient.Exotel.VSip"), "IHttpClientFactory's loggers for Exotel");
            Assert.That(lines, Has.Some.Contains("System.Net.Http.HttpClient.Vapi.Client"), "IHttpClientFactory's loggers for Vapi");
            Assert.That(lines, Has.Some.Contains("Authorization: *"), "the Authorization header is logged, redacted");
            Assert.That(lines.Where(l => l.Contains("Authorization:", StringComparison.Ordinal)), Has.All.Contains("Authorization: *"), "and only redacted");
            Assert.That(LinesWithEvent(1001), Is.Not.Empty, "Exotel's request lines");
            Assert.That(LinesWithEvent(2001), Is.Not.Empty, "Vapi's request lines");
            Assert.That(LinesWithEvent(3002), Is.Not.Empty, "failed steps were logged");
            Assert.That(_texts, Has.Some.Contains("401").And.Some.Contains("503"), "the failures' texts were collected");
        });

        var everything = _texts.Concat(lines).ToList();
        var forbidden = Forbidden();
        for (var i = 0; i < forbidden.Length; i++)
        {
            // Names the form by its index only, never the secret itself.
            Assert.That(everything.Count(t => t.Contains(forbidden[i], StringComparison.Ordinal)), Is.Zero, $"texts holding secret form #{i}");
        }
    }
}
